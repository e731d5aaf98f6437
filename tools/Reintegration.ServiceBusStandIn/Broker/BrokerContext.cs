using Microsoft.Extensions.Logging;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>What every entity shares: the lock, the clock and the log.</summary>
sealed class BrokerContext(TimeProvider time, ILogger logger)
{
    public BrokerGate Gate { get; } = new();

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Logs once the broker lock is released (inside a gate run only).</summary>
    public void After(Action<ILogger> log) => Gate.AfterUnlock(() => log(Logger));
}
