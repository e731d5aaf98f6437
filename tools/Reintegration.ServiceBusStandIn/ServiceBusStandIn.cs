using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.ServiceBusStandIn.Amqp;
using Reintegration.ServiceBusStandIn.Broker;
using Reintegration.ServiceBusStandIn.Configuration;
using Reintegration.ServiceBusStandIn.Management;

namespace Reintegration.ServiceBusStandIn;

/// <summary>
/// An in-memory Service Bus namespace that the Service Bus SDKs talk to over AMQP, for local runs and
/// tests. Start it, hand <see cref="ConnectionString"/> to the SDK (and
/// <see cref="AdministrationConnectionString"/> to ServiceBusAdministrationClient), dispose it when done.
/// </summary>
public sealed class ServiceBusStandIn : IAsyncDisposable
{
    const string Credentials = "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    readonly ServiceBusNamespace entities;
    readonly ILogger logger;
    AmqpHost host;
    ManagementHttpHost management;
    bool down;

    ServiceBusStandIn(ServiceBusNamespace entities, ILogger logger, AmqpHost host, int port, ManagementHttpHost management, int managementPort)
    {
        this.entities = entities;
        this.logger = logger;
        this.host = host;
        this.management = management;
        Port = port;
        ManagementPort = managementPort;
    }

    /// <summary>The AMQP port (messaging clients).</summary>
    public int Port { get; }

    /// <summary>The HTTP port of the management endpoint (ServiceBusAdministrationClient).</summary>
    public int ManagementPort { get; }

    /// <summary>A connection string for the SDK; UseDevelopmentEmulator makes it speak plain AMQP to localhost.</summary>
    public string ConnectionString => $"Endpoint=sb://localhost:{Port};{Credentials}";

    /// <summary>
    /// A connection string for ServiceBusAdministrationClient: with UseDevelopmentEmulator=true the client
    /// sends plain HTTP to the Endpoint's port, which is the management port, not the AMQP one.
    /// </summary>
    public string AdministrationConnectionString => $"Endpoint=sb://localhost:{ManagementPort};{Credentials}";

    /// <param name="config">The entities, as loaded by <see cref="StandInConfig.Load"/> or <see cref="StandInConfig.Parse"/>.</param>
    /// <param name="port">The TCP port; 0 picks a free one.</param>
    /// <param name="logger">Receives one line per routed message (ids and entity names only).</param>
    /// <param name="time">The clock for locks, schedules and expiry; tests may pass a fake one.</param>
    /// <param name="managementPort">The HTTP port of the management endpoint; 0 picks a free one.</param>
    public static async Task<ServiceBusStandIn> StartAsync(StandInConfig config, int port = 0, ILogger? logger = null, TimeProvider? time = null, int managementPort = 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        logger ??= NullLogger.Instance;
        var broker = new BrokerContext(time ?? TimeProvider.System, logger);
        var entities = new ServiceBusNamespace(broker, ConfigValidator.Resolve(config));
        int chosenPort = port == 0 ? FreePort() : EnsureFree(port);
        int chosenManagementPort = managementPort == 0 ? FreePort(except: chosenPort) : EnsureFree(managementPort);
        var (host, management) = await ListenAsync(entities, logger, chosenPort, chosenManagementPort);
        BrokerLog.Started(logger, chosenPort, entities.QueueCount, entities.TopicCount);
        return new ServiceBusStandIn(entities, logger, host, chosenPort, management, chosenManagementPort);
    }

    static async Task<(AmqpHost Host, ManagementHttpHost Management)> ListenAsync(ServiceBusNamespace entities, ILogger logger,
        int port, int managementPort)
    {
        var management = new ManagementHttpHost(new ManagementOperations(entities), logger);
        await management.StartAsync(managementPort);
        var host = new AmqpHost(entities, logger);
        host.Start(port);
        return (host, management);
    }

    /// <summary>
    /// Plays an outage: both endpoints close and every connection drops. The namespace keeps its entities, the
    /// subscriptions and rules made at run time, and its messages, as Service Bus keeps what it accepted; locks held
    /// by the dropped receivers run out as usual.
    /// </summary>
    public async Task GoDownAsync()
    {
        if (!down)
        {
            down = true;
            host.Stop();
            await management.DisposeAsync();
        }
    }

    /// <summary>Ends the outage: listens again on the same ports, with everything the namespace held.</summary>
    public async Task ComeBackAsync()
    {
        if (down)
        {
            (host, management) = await ListenAsync(entities, logger, EnsureFree(Port), EnsureFree(ManagementPort));
            down = false;
        }
    }

    public async ValueTask DisposeAsync() => await GoDownAsync();

    /// <summary>The AMQP listener does not report a port taken by another process, so check first.</summary>
    static int EnsureFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return port;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new IOException($"Port {port} is already in use; stop what listens there or pick another port.", e);
        }
    }

    static int FreePort(int except = 0)
    {
        while (true)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            if (port != except)
            {
                return port;
            }
        }
    }
}
