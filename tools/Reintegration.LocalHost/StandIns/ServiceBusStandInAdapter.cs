using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Configuration;
using ServiceBusBroker = Reintegration.ServiceBusStandIn.ServiceBusStandIn;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// The repository's Service Bus stand-in (tools/Reintegration.ServiceBusStandIn), in this process, with the
/// entities of its Config.json. In memory: an outage (tests stop and restart it) keeps its messages and the
/// subscriptions made at run time; they are lost when the host stops.
/// </summary>
public sealed class ServiceBusStandInAdapter : IStandIn
{
    private const int AmqpPort = 5672;
    private const int ManagementHttpPort = 5300;
    private readonly ServiceBusBroker _broker;
    private bool _running = true;

    private ServiceBusStandInAdapter(ServiceBusBroker broker)
    {
        _broker = broker;
        Port = broker.Port;
        ManagementPort = broker.ManagementPort;
        ConnectionString = broker.ConnectionString;
        AdministrationConnectionString = broker.AdministrationConnectionString;
    }

    public string Name => "Service Bus";

    public int Port { get; }

    public string ConnectionString { get; }

    /// <summary>The HTTP management endpoint's port (ServiceBusAdministrationClient).</summary>
    public int ManagementPort { get; }

    /// <summary>For ServiceBusAdministrationClient: the same credentials, the management endpoint's port.</summary>
    public string AdministrationConnectionString { get; }

    /// <summary>Whether it runs now (tests stop and start it to play an outage).</summary>
    public bool Running => _running;

    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["ServiceBus:ConnectionString"] = ConnectionString,
        ["ServiceBus:AdministrationConnectionString"] = AdministrationConnectionString,
    };

    public string Description =>
        $"Service Bus stand-in: amqp://localhost:{Port}, topic {NotificationEntities.Topic} with a subscription per organisation, management on http://localhost:{ManagementPort} (in memory: messages are kept through an outage, lost when the host stops)";

    public static async Task<IStandIn> StartAsync(StandInContext context, CancellationToken cancellationToken)
    {
        var config = StandInConfig.Parse(NotificationEntities.ConfigJson(Core.ReferenceData.ReferenceDataSeed.Load()));
        var port = FreePorts.Pick(context.PreferWellKnownPorts ? AmqpPort : 0);
        var managementPort = FreePorts.Pick(context.PreferWellKnownPorts ? ManagementHttpPort : 0);
        var logger = context.LoggerFactory.CreateLogger("StandIn.ServiceBus");
        var broker = await ServiceBusBroker.StartAsync(config, port, logger, managementPort: managementPort).ConfigureAwait(false);
        return new ServiceBusStandInAdapter(broker);
    }

    /// <summary>An outage: the endpoints close and connections drop; what it accepted stays.</summary>
    public async Task StopAsync()
    {
        _running = false;
        await _broker.GoDownAsync().ConfigureAwait(false);
    }

    /// <summary>Ends the outage, on the same ports, with its messages and every subscription it had.</summary>
    public async Task RestartAsync()
    {
        await _broker.ComeBackAsync().ConfigureAwait(false);
        _running = true;
    }

    public async ValueTask DisposeAsync() => await _broker.DisposeAsync().ConfigureAwait(false);
}
