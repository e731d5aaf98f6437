using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Transaction;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Broker;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// Decides what a newly attached link talks to: $cbs, an entity's $management node, or an entity's
/// messages. Throwing an <see cref="AmqpException"/> refuses the attach with that error, which the SDK
/// turns into a ServiceBusException (amqp:not-found becomes MessagingEntityNotFound).
/// </summary>
sealed class LinkRouter(ServiceBusNamespace entities, ILogger logger)
{
    const string CbsAddress = "$cbs";
    const string ManagementSuffix = "/$management";
    static readonly AmqpSymbol SessionFilter = "com.microsoft:session-filter";

    readonly ReplyLinks replies = new();
    readonly CbsNode cbs = new();

    public void Attach(AmqpLink link)
    {
        try
        {
            Route(link);
        }
        catch (AmqpException e)
        {
            BrokerLog.LinkRefused(logger, AddressOf(link) ?? "(none)", e.Error.Description ?? e.Message);
            throw;
        }
    }

    public void OnConnectionClosed(AmqpConnection connection) => replies.Forget(connection);

    void Route(AmqpLink link)
    {
        if (link.IsReceiver && link.Settings.Target is Coordinator)
        {
            throw ErrorConditions.Refuse(ErrorConditions.NotImplemented, ErrorTexts.Transactions);
        }

        string address = AddressOf(link) ?? throw ErrorConditions.Refuse(AmqpErrorCode.InvalidField, "The link has no address.");
        string path = ServiceBusNamespace.EntityPath(address);

        if (path.Equals(CbsAddress, StringComparison.OrdinalIgnoreCase))
        {
            ServeRequestResponse(link, CbsAddress, cbs);
            return;
        }

        if (path.EndsWith(ManagementSuffix, StringComparison.OrdinalIgnoreCase))
        {
            string entityPath = path[..^ManagementSuffix.Length];
            EntityEndpoint managed = entities.Resolve(entityPath) ?? throw NotFound(entityPath);
            ServeRequestResponse(link, path, new ManagementNode(managed, entities.Broker, logger));
            return;
        }

        EntityEndpoint entity = entities.Resolve(path) ?? throw NotFound(path);
        if (link is ReceivingAmqpLink incoming)
        {
            SendTarget target = entity.SendTarget
                ?? throw ErrorConditions.Refuse(ErrorConditions.NotAllowed, $"Cannot send to '{entity.Path}': send to the topic or queue instead.");
            IncomingMessageLink.Serve(incoming, target, entities.Broker, logger);
            return;
        }

        if (link.Settings.Source is Source { FilterSet: not null } source && source.FilterSet.TryGetValue<object>(SessionFilter, out _))
        {
            throw ErrorConditions.Refuse(ErrorConditions.NotImplemented, ErrorTexts.Sessions);
        }

        MessageQueue receiver = entity.Receiver
            ?? throw ErrorConditions.Refuse(ErrorConditions.NotAllowed, $"Cannot receive from topic '{entity.Path}': receive from one of its subscriptions.");
        OutgoingMessageLink.Serve((SendingAmqpLink)link, receiver, entities.Broker, logger);
    }

    void ServeRequestResponse(AmqpLink link, string node, IRequestHandler handler)
    {
        if (link is ReceivingAmqpLink requests)
        {
            RequestResponseNode.ServeRequests(requests, node, handler, replies, logger);
            return;
        }

        // A target is optional: clients that attach with a source only are answered by link name or session.
        replies.Add((SendingAmqpLink)link, node, (link.Settings.Target as Target)?.Address?.ToString());
    }

    static AmqpException NotFound(string path) => ErrorConditions.Refuse(ErrorConditions.NotFound, ErrorTexts.EntityNotFound(path));

    static string? AddressOf(AmqpLink link) => link.IsReceiver
        ? (link.Settings.Target as Target)?.Address?.ToString()
        : (link.Settings.Source as Source)?.Address?.ToString();
}
