namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>
/// What a receiver is sent, captured under the broker lock so encoding outside it sees consistent values.
/// </summary>
sealed record OutgoingDelivery(BrokeredMessage Message, Guid? LockToken, DateTimeOffset? LockedUntil, int DeliveryCount);

/// <summary>A receive link as the broker sees it.</summary>
interface IMessageConsumer
{
    /// <summary>True for ReceiveAndDelete: messages leave the entity when they are sent.</summary>
    bool SettlesOnSend { get; }

    /// <summary>Link credit not yet used; only touched under the broker lock.</summary>
    int Credit { get; set; }

    /// <summary>Called outside the broker lock.</summary>
    void Send(OutgoingDelivery delivery);
}
