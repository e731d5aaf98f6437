using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Configuration;
using ServiceBusBroker = Reintegration.ServiceBusStandIn.ServiceBusStandIn;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// The repository's Service Bus stand-in (tools/Reintegration.ServiceBusStandIn), in this process, with the
/// entities of its Config.json. In memory: messages are lost when it stops.
/// </summary>
public sealed class ServiceBusStandInAdapter : IStandIn
{
    private const int AmqpPort = 5672;
    private readonly ServiceBusBroker _broker;

    private ServiceBusStandInAdapter(ServiceBusBroker broker, string configPath)
    {
        _broker = broker;
        ConfigPath = configPath;
    }

    public string Name => "Service Bus";

    public int Port => _broker.Port;

    public string ConnectionString => _broker.ConnectionString;

    /// <summary>The entities (queues, topics, subscriptions and rules) it serves.</summary>
    public string ConfigPath { get; }

    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["ServiceBus:ConnectionString"] = ConnectionString,
    };

    public string Description => $"Service Bus stand-in: amqp://localhost:{Port} with the entities of {ConfigPath} (in memory: messages are lost when it stops)";

    public static async Task<IStandIn> StartAsync(StandInContext context, CancellationToken cancellationToken)
    {
        var configPath = Path.GetFullPath(Path.Combine(context.StandInsDirectory, "..", "Reintegration.ServiceBusStandIn", "Config.json"));
        var config = StandInConfig.Load(configPath);
        var port = FreePorts.Pick(context.PreferWellKnownPorts ? AmqpPort : 0);
        var broker = await ServiceBusBroker.StartAsync(config, port, context.LoggerFactory.CreateLogger("StandIn.ServiceBus")).ConfigureAwait(false);
        return new ServiceBusStandInAdapter(broker, configPath);
    }

    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}
