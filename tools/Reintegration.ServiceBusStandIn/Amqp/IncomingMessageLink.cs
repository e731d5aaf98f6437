using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Broker;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>A link a client sends messages on (a ServiceBusSender): single messages and batches.</summary>
static class IncomingMessageLink
{
    /// <summary>Batches: the body holds one encoded message per data section.</summary>
    const uint BatchMessageFormat = 0x80013700;

    public static void Serve(ReceivingAmqpLink link, SendTarget target, BrokerContext broker, ILogger logger)
    {
        link.RegisterMessageListener(message =>
        {
            try
            {
                List<EncodedMessage> messages = Unpack(message);
                broker.Gate.Run(() => messages.ForEach(target.Accept));
                link.DisposeMessage(message, AmqpConstants.AcceptedOutcome, true, false);
            }
            catch (InvalidDataException e)
            {
                BrokerLog.MessageRejected(logger, target.Name, e.Message);
                Reject(link, message, ErrorConditions.DecodeError, $"The message could not be decoded: {e.Message}");
            }
            catch (Exception e)
            {
                BrokerLog.UnexpectedError(logger, e, $"accepting a message for {target.Name}");
                Reject(link, message, AmqpErrorCode.InternalError, "The stand-in failed to store the message.");
            }
            finally
            {
                message.Dispose();
            }
        });
    }

    static List<EncodedMessage> Unpack(AmqpMessage transfer)
    {
        byte[] payload = ReadAll(transfer);
        if (transfer.MessageFormat != BatchMessageFormat)
        {
            return [EncodedMessage.Parse(payload)];
        }

        return MessageSections.Split(payload)
            .Where(s => s.Code == SectionCode.Data)
            .Select(s => EncodedMessage.Parse(MessageSections.DataContent(payload, s).ToArray()))
            .ToList();
    }

    /// <summary>The whole encoded message as received (GetPayload would return only what was not yet read).</summary>
    static byte[] ReadAll(AmqpMessage transfer)
    {
        using Stream stream = transfer.ToStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    static void Reject(ReceivingAmqpLink link, AmqpMessage message, Microsoft.Azure.Amqp.Encoding.AmqpSymbol condition, string description)
    {
        try
        {
            link.DisposeMessage(message, new Rejected { Error = new Error { Condition = condition, Description = description } }, true, false);
        }
        catch (Exception)
        {
            // The link is already gone; nothing to answer.
        }
    }
}
