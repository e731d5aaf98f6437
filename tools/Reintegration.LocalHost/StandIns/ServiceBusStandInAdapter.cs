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
    private const int ManagementHttpPort = 5300;
    private readonly StandInConfig _config;
    private readonly ILogger _logger;
    private ServiceBusBroker? _broker;

    private ServiceBusStandInAdapter(ServiceBusBroker broker, StandInConfig config, ILogger logger)
    {
        _broker = broker;
        _config = config;
        _logger = logger;
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
    public bool Running => _broker is not null;

    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["ServiceBus:ConnectionString"] = ConnectionString,
        ["ServiceBus:AdministrationConnectionString"] = AdministrationConnectionString,
    };

    public string Description =>
        $"Service Bus stand-in: amqp://localhost:{Port}, topic {NotificationEntities.Topic} with a subscription per organisation, management on http://localhost:{ManagementPort} (in memory: messages are lost when it stops)";

    public static async Task<IStandIn> StartAsync(StandInContext context, CancellationToken cancellationToken)
    {
        var config = StandInConfig.Parse(NotificationEntities.ConfigJson(Core.ReferenceData.ReferenceDataSeed.Load()));
        var port = FreePorts.Pick(context.PreferWellKnownPorts ? AmqpPort : 0);
        var managementPort = FreePorts.Pick(context.PreferWellKnownPorts ? ManagementHttpPort : 0);
        var logger = context.LoggerFactory.CreateLogger("StandIn.ServiceBus");
        var broker = await ServiceBusBroker.StartAsync(config, port, logger, managementPort: managementPort).ConfigureAwait(false);
        return new ServiceBusStandInAdapter(broker, config, logger);
    }

    /// <summary>Stops the broker, as an outage would; its messages are gone.</summary>
    public async Task StopAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync().ConfigureAwait(false);
            _broker = null;
        }
    }

    /// <summary>Starts it again on the same ports, with the entities of its configuration (subscriptions added at run time are gone) and empty queues.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _broker = await ServiceBusBroker.StartAsync(_config, Port, _logger, managementPort: ManagementPort).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
