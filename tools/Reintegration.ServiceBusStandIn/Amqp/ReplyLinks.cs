using System.Collections.Concurrent;
using Microsoft.Azure.Amqp;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// The links clients receive request/response answers on. Clients differ in how they name them, so an
/// answer goes where Service Bus would send it:
/// <list type="number">
/// <item>the request's reply-to names the target address of a receiving link on the connection (the .NET SDK);</item>
/// <item>or it names the link itself, whose attach carried only a source (the JavaScript SDK's $cbs link);</item>
/// <item>or the request has no reply-to, and the answer goes to the link the same session attached to
/// receive from that node (the Python SDK).</item>
/// </list>
/// </summary>
sealed class ReplyLinks
{
    readonly ConcurrentDictionary<(AmqpConnection Connection, string Address), SendingAmqpLink> byAddress = new();
    readonly ConcurrentDictionary<(AmqpSession Session, string Node), SendingAmqpLink> byNode = new();

    /// <param name="link">The client's receiving link for the node (our sending side).</param>
    /// <param name="node">The node's path, e.g. "$cbs" or "work/$management".</param>
    /// <param name="targetAddress">The target address of the client's link, if it gave one.</param>
    public void Add(SendingAmqpLink link, string node, string? targetAddress)
    {
        AmqpConnection connection = link.Session.Connection;
        var keys = new List<(AmqpConnection, string)>();
        if (!string.IsNullOrEmpty(targetAddress))
        {
            keys.Add((connection, targetAddress));
        }

        if (!string.IsNullOrEmpty(link.Name) && link.Name != targetAddress)
        {
            keys.Add((connection, link.Name));
        }

        foreach (var key in keys)
        {
            byAddress[key] = link;
        }

        var nodeKey = (link.Session, node.ToLowerInvariant());
        byNode[nodeKey] = link;
        link.Closed += (_, _) =>
        {
            foreach (var key in keys)
            {
                byAddress.TryRemove(new KeyValuePair<(AmqpConnection, string), SendingAmqpLink>(key, link));
            }

            byNode.TryRemove(new KeyValuePair<(AmqpSession, string), SendingAmqpLink>(nodeKey, link));
        };
    }

    /// <summary>
    /// The link an answer to a request that arrived on <paramref name="requestLink"/> goes to, if any. A
    /// reply-to that names no link falls back to the session's link for the node rather than dropping the answer.
    /// </summary>
    public SendingAmqpLink? Find(AmqpLink requestLink, string node, string? replyTo)
    {
        if (!string.IsNullOrEmpty(replyTo) && byAddress.TryGetValue((requestLink.Session.Connection, replyTo), out SendingAmqpLink? named))
        {
            return named;
        }

        return byNode.TryGetValue((requestLink.Session, node.ToLowerInvariant()), out SendingAmqpLink? sameSession) ? sameSession : null;
    }

    public void Forget(AmqpConnection connection)
    {
        foreach (var key in byAddress.Keys.Where(k => k.Connection == connection))
        {
            byAddress.TryRemove(key, out _);
        }

        foreach (var key in byNode.Keys.Where(k => k.Session.Connection == connection))
        {
            byNode.TryRemove(key, out _);
        }
    }
}
