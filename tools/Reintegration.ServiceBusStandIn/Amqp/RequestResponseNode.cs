using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Broker;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>Answers one request message ($cbs put-token, or an entity's $management operations).</summary>
interface IRequestHandler
{
    AmqpMessage Handle(AmqpMessage request);
}

/// <summary>
/// The AMQP request/response pattern: requests arrive on a link the client sends on; each answer goes
/// to the reply link <see cref="ReplyLinks"/> finds, with correlation-id set to the request's message-id.
/// </summary>
static class RequestResponseNode
{
    public static void ServeRequests(ReceivingAmqpLink requests, string node, IRequestHandler handler, ReplyLinks replies, ILogger logger)
    {
        requests.RegisterMessageListener(request =>
        {
            try
            {
                AmqpMessage response;
                try
                {
                    response = handler.Handle(request);
                }
                catch (Exception e) when (e is InvalidCastException or InvalidDataException or NullReferenceException or KeyNotFoundException or ArgumentException)
                {
                    // A request the stand-in cannot read: answer like Service Bus does for bad arguments.
                    response = Responses.Error(400, ErrorConditions.ArgumentError, $"The request could not be processed: {e.Message}");
                }

                response.Properties.CorrelationId = request.Properties.MessageId;
                requests.DisposeMessage(request, AmqpConstants.AcceptedOutcome, true, false);
                SendingAmqpLink? replyLink = replies.Find(requests, node, request.Properties.ReplyTo?.ToString());
                replyLink?.SendMessageNoWait(response, new ArraySegment<byte>(Guid.NewGuid().ToByteArray()), AmqpConstants.NullBinary);
            }
            catch (Exception e)
            {
                BrokerLog.UnexpectedError(logger, e, "answering a request");
            }
            finally
            {
                request.Dispose();
            }
        });
    }
}

/// <summary>Response messages in the shape the SDK reads: statusCode as an AMQP int, body as a map.</summary>
static class Responses
{
    public static AmqpMessage Ok(AmqpMap? body = null) => Create(200, "OK", body ?? new AmqpMap(), null);

    public static AmqpMessage NoContent() => Create(204, "No Content", new AmqpMap(), null);

    public static AmqpMessage Error(int statusCode, AmqpSymbol condition, string description) =>
        Create(statusCode, description, new AmqpMap(), condition);

    static AmqpMessage Create(int statusCode, string description, AmqpMap body, AmqpSymbol? condition)
    {
        AmqpMessage response = AmqpMessage.Create(new AmqpValue { Value = body });
        response.ApplicationProperties.Map["statusCode"] = statusCode;
        response.ApplicationProperties.Map["statusDescription"] = description;
        if (condition is AmqpSymbol errorCondition)
        {
            response.ApplicationProperties.Map["errorCondition"] = errorCondition;
        }

        return response;
    }
}
