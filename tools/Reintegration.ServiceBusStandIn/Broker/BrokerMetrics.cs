using System.Diagnostics.Metrics;

namespace Reintegration.ServiceBusStandIn.Broker;

/// <summary>
/// The stand-in's counterpart of a namespace's DeadletteredMessages metric in Azure: each message moved to a
/// dead-letter queue, by entity and reason, so dead letters are seen in a local run too.
/// </summary>
public static class BrokerMetrics
{
    public const string MeterName = "Reintegration.ServiceBusStandIn";
    public const string DeadLettered = "servicebus.messages.dead_lettered";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> DeadLetteredMessages =
        Meter.CreateCounter<long>(DeadLettered, "{message}", "Messages moved to a dead-letter queue.");

    public static void RecordDeadLettered(string entity, string? reason) =>
        DeadLetteredMessages.Add(1, new KeyValuePair<string, object?>("entity", entity), new KeyValuePair<string, object?>("reason", reason ?? "none"));
}
