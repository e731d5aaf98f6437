using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// Claims-based security ($cbs): the SDK puts a SAS token for each entity before it attaches links.
/// The stand-in accepts every token; status-code must be an AMQP int or the SDK rejects the answer.
/// </summary>
sealed class CbsNode : IRequestHandler
{
    public AmqpMessage Handle(AmqpMessage request)
    {
        AmqpMessage response = AmqpMessage.Create(new AmqpValue { Value = null });
        response.ApplicationProperties.Map["status-code"] = 202;
        response.ApplicationProperties.Map["status-description"] = "Accepted";
        return response;
    }
}
