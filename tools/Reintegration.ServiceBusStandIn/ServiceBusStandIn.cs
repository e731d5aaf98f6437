using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.ServiceBusStandIn.Amqp;
using Reintegration.ServiceBusStandIn.Broker;
using Reintegration.ServiceBusStandIn.Configuration;

namespace Reintegration.ServiceBusStandIn;

/// <summary>
/// An in-memory Service Bus namespace that the Azure.Messaging.ServiceBus SDK talks to over AMQP, for
/// local runs and tests. Start it, hand <see cref="ConnectionString"/> to the SDK, dispose it when done.
/// </summary>
public sealed class ServiceBusStandIn : IAsyncDisposable
{
    readonly AmqpHost host;

    ServiceBusStandIn(AmqpHost host, int port)
    {
        this.host = host;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string for the SDK; UseDevelopmentEmulator makes it speak plain AMQP to localhost.</summary>
    public string ConnectionString =>
        $"Endpoint=sb://localhost:{Port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    /// <param name="config">The entities, as loaded by <see cref="StandInConfig.Load"/> or <see cref="StandInConfig.Parse"/>.</param>
    /// <param name="port">The TCP port; 0 picks a free one.</param>
    /// <param name="logger">Receives one line per routed message (ids and entity names only).</param>
    /// <param name="time">The clock for locks, schedules and expiry; tests may pass a fake one.</param>
    public static Task<ServiceBusStandIn> StartAsync(StandInConfig config, int port = 0, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        logger ??= NullLogger.Instance;
        var broker = new BrokerContext(time ?? TimeProvider.System, logger);
        var entities = new ServiceBusNamespace(broker, ConfigValidator.Resolve(config));
        int chosenPort = port == 0 ? FreePort() : EnsureFree(port);
        var host = new AmqpHost(entities, logger);
        host.Start(chosenPort);
        BrokerLog.Started(logger, chosenPort, entities.QueueCount, entities.TopicCount);
        return Task.FromResult(new ServiceBusStandIn(host, chosenPort));
    }

    public ValueTask DisposeAsync()
    {
        host.Stop();
        return ValueTask.CompletedTask;
    }

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

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
