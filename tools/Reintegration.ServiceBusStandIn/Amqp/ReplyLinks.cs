using System.Collections.Concurrent;
using Microsoft.Azure.Amqp;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// The links clients receive request/response answers on, found by the request's reply-to address
/// (the target address of the client's receiving link), per connection.
/// </summary>
sealed class ReplyLinks
{
    readonly ConcurrentDictionary<(AmqpConnection Connection, string Address), SendingAmqpLink> links = new();

    public void Add(SendingAmqpLink link, string replyTo)
    {
        var key = (link.Session.Connection, replyTo);
        links[key] = link;
        link.Closed += (_, _) => links.TryRemove(new KeyValuePair<(AmqpConnection, string), SendingAmqpLink>(key, link));
    }

    public SendingAmqpLink? Find(AmqpConnection connection, string? replyTo) =>
        replyTo is not null && links.TryGetValue((connection, replyTo), out SendingAmqpLink? link) ? link : null;

    public void Forget(AmqpConnection connection)
    {
        foreach (var key in links.Keys.Where(k => k.Connection == connection))
        {
            links.TryRemove(key, out _);
        }
    }
}
