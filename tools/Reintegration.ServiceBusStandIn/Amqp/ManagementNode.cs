using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Broker;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// An entity's $management node: the operations the SDK performs by request/response rather than
/// over a message link (peek, schedule, cancel, renew lock, settle by lock token, deferred receive).
/// </summary>
sealed class ManagementNode(EntityEndpoint entity, BrokerContext broker, ILogger logger) : IRequestHandler
{
    const string Prefix = "com.microsoft:";

    public AmqpMessage Handle(AmqpMessage request)
    {
        string operation = request.ApplicationProperties?.Map["operation"] as string ?? "";
        AmqpMap body = request.ValueBody?.Value as AmqpMap ?? new AmqpMap();
        AmqpMessage response = operation switch
        {
            Prefix + "peek-message" => WithReceiver(r => Peek(r, body)),
            Prefix + "renew-lock" => WithReceiver(r => RenewLocks(r, body)),
            Prefix + "update-disposition" => WithReceiver(r => UpdateDisposition(r, body)),
            Prefix + "receive-by-sequence-number" => WithReceiver(r => ReceiveDeferred(r, body)),
            Prefix + "schedule-message" => WithSendTarget(t => Schedule(t, body)),
            Prefix + "cancel-scheduled-message" => WithSendTarget(t => CancelScheduled(t, body)),
            Prefix + "add-rule" or Prefix + "remove-rule" or Prefix + "enumerate-rules" => Responses.Error(
                501, ErrorConditions.NotImplemented, "The stand-in changes rules through its management endpoint (ServiceBusAdministrationClient), not over AMQP."),
            _ when operation.Contains("session", StringComparison.Ordinal) => Responses.Error(501, ErrorConditions.NotImplemented, ErrorTexts.Sessions),
            _ => Responses.Error(501, ErrorConditions.NotImplemented, $"The operation '{operation}' is not supported by the Service Bus stand-in."),
        };

        if (response.ApplicationProperties.Map["statusCode"] is int status)
        {
            BrokerLog.ManagementRequest(logger, operation, entity.Path, status);
        }

        return response;
    }

    AmqpMessage WithReceiver(Func<MessageQueue, AmqpMessage> operation) => entity.Receiver is MessageQueue receiver
        ? broker.Gate.Run(() => operation(receiver))
        : Responses.Error(400, ErrorConditions.NotAllowed, $"'{entity.Path}' is a topic; messages are received from its subscriptions.");

    AmqpMessage WithSendTarget(Func<SendTarget, AmqpMessage> operation) => entity.SendTarget is SendTarget target
        ? broker.Gate.Run(() => operation(target))
        : Responses.Error(400, ErrorConditions.NotAllowed, $"'{entity.Path}' cannot be sent to.");

    AmqpMessage Peek(MessageQueue receiver, AmqpMap body)
    {
        long from = Convert.ToInt64(body[new MapKey("from-sequence-number")] ?? 0L);
        int count = Convert.ToInt32(body[new MapKey("message-count")] ?? 1);
        IEnumerable<BrokeredMessage> candidates = receiver.PeekFrom(from);
        if (entity.SendTarget is SendTarget target)
        {
            candidates = candidates.Concat(target.ScheduledFrom(from)).OrderBy(m => m.SequenceNumber);
        }

        List<object> messages = candidates
            .Take(count)
            .Select(m => (object)new AmqpMap { [new MapKey("message")] = new ArraySegment<byte>(MessageEncoder.ForPeek(m)) })
            .ToList();
        return messages.Count == 0 ? Responses.NoContent() : Responses.Ok(new AmqpMap { [new MapKey("messages")] = messages });
    }

    static AmqpMessage RenewLocks(MessageQueue receiver, AmqpMap body)
    {
        Guid[] tokens = (Guid[])body[new MapKey("lock-tokens")]!;
        var expirations = new DateTime[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            if (receiver.RenewLock(tokens[i]) is not DateTimeOffset until)
            {
                return Responses.Error(410, ErrorConditions.MessageLockLost, ErrorTexts.LockLost);
            }

            expirations[i] = until.UtcDateTime;
        }

        return Responses.Ok(new AmqpMap { [new MapKey("expirations")] = expirations });
    }

    static AmqpMessage UpdateDisposition(MessageQueue receiver, AmqpMap body)
    {
        Guid[] tokens = (Guid[])body[new MapKey("lock-tokens")]!;
        string status = body[new MapKey("disposition-status")] as string ?? "";
        string? reason = body[new MapKey("deadletter-reason")] as string;
        string? description = body[new MapKey("deadletter-description")] as string;
        IReadOnlyDictionary<string, object?> changes = PropertyChanges.From(body[new MapKey("properties-to-modify")] as AmqpMap);
        foreach (Guid token in tokens)
        {
            SettleResult result = status switch
            {
                "completed" => receiver.Complete(token),
                "abandoned" => receiver.Abandon(token, changes),
                "suspended" => receiver.DeadLetter(token, reason, description, changes),
                "defered" or "deferred" => receiver.Defer(token, changes),
                _ => throw new ArgumentException($"Unknown disposition-status '{status}'."),
            };
            if (result == SettleResult.LockLost)
            {
                return Responses.Error(410, ErrorConditions.MessageLockLost, ErrorTexts.LockLost);
            }
        }

        return Responses.Ok();
    }

    static AmqpMessage ReceiveDeferred(MessageQueue receiver, AmqpMap body)
    {
        long[] sequenceNumbers = (long[])body[new MapKey("sequence-numbers")]!;
        // receiver-settle-mode 0 is ReceiveAndDelete in the SDK's encoding; 1 is PeekLock.
        bool receiveAndDelete = Convert.ToUInt32(body[new MapKey("receiver-settle-mode")] ?? 1u) == 0;
        List<OutgoingDelivery> deliveries = receiver.ReceiveDeferred(sequenceNumbers, receiveAndDelete);
        if (deliveries.Count < sequenceNumbers.Length)
        {
            return Responses.Error(410, ErrorConditions.MessageNotFound, "Failed to lock one or more specified messages. Either the message is not deferred or it does not exist.");
        }

        List<object> messages = deliveries.Select(d =>
        {
            var entry = new AmqpMap { [new MapKey("message")] = new ArraySegment<byte>(MessageEncoder.ForReceiver(d)) };
            if (d.LockToken is Guid token)
            {
                entry[new MapKey("lock-token")] = token;
            }

            return (object)entry;
        }).ToList();
        return Responses.Ok(new AmqpMap { [new MapKey("messages")] = messages });
    }

    AmqpMessage Schedule(SendTarget target, AmqpMap body)
    {
        var requested = (IList<object>)body[new MapKey("messages")]!;
        var sequenceNumbers = new long[requested.Count];
        for (int i = 0; i < requested.Count; i++)
        {
            var entry = (AmqpMap)requested[i];
            var bytes = (ArraySegment<byte>)entry[new MapKey("message")]!;
            EncodedMessage content = EncodedMessage.Parse(bytes.ToArray());
            DateTime at = content.ScheduledEnqueueTimeUtc ?? broker.Now.UtcDateTime;
            sequenceNumbers[i] = target.Schedule(content, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)));
        }

        return Responses.Ok(new AmqpMap { [new MapKey("sequence-numbers")] = sequenceNumbers });
    }

    static AmqpMessage CancelScheduled(SendTarget target, AmqpMap body)
    {
        foreach (long sequenceNumber in (long[])body[new MapKey("sequence-numbers")]!)
        {
            target.CancelScheduled(sequenceNumber);
        }

        return Responses.Ok();
    }
}
