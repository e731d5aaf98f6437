namespace Reintegration.ServiceBusStandIn.Broker;

enum SettleResult
{
    Settled,

    /// <summary>The lock expired or the token was never handed out: Service Bus answers message-lock-lost.</summary>
    LockLost,
}
