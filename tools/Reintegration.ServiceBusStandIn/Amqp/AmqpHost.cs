using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;
using Microsoft.Azure.Amqp.Transport;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceBusStandIn.Broker;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// The AMQP 1.0 side of the stand-in: listens on TCP, speaks SASL MSSBCBS like Service Bus, and
/// hands each link the client attaches to the <see cref="LinkRouter"/>.
/// </summary>
sealed class AmqpHost : IRuntimeProvider
{
    /// <summary>Service Bus standard tier's message size limit; the SDK sizes batches by it.</summary>
    public const ulong MaxMessageSize = 256 * 1024;

    /// <summary>The SASL mechanism the Service Bus SDK asks for (authentication happens later, over $cbs).</summary>
    const string CbsSaslMechanism = "MSSBCBS";

    readonly ILogger logger;
    readonly LinkRouter router;
    readonly ConcurrentDictionary<AmqpConnection, byte> connections = new();
    AmqpSettings? settings;
    TransportListener? listener;

    public AmqpHost(ServiceBusNamespace entities, ILogger logger)
    {
        this.logger = logger;
        router = new LinkRouter(entities, logger);
    }

    public void Start(int port)
    {
        var sasl = new SaslTransportProvider();
        sasl.Versions.Add(new AmqpVersion(1, 0, 0));
        sasl.AddHandler(new SaslAnonymousHandler(CbsSaslMechanism));
        sasl.AddHandler(new SaslAnonymousHandler());

        settings = new AmqpSettings { RuntimeProvider = this };
        settings.TransportProviders.Add(sasl);
        var amqp = new AmqpTransportProvider();
        amqp.Versions.Add(new AmqpVersion(1, 0, 0));
        settings.TransportProviders.Add(amqp);

        // Loopback only: "localhost" would make the library listen on every interface.
        var loopback = new List<TransportListener> { new TcpTransportSettings { Host = "127.0.0.1", Port = port }.CreateListener() };
        if (Socket.OSSupportsIPv6)
        {
            loopback.Add(new TcpTransportSettings { Host = "::1", Port = port }.CreateListener());
        }

        listener = new AmqpTransportListener(loopback, settings);
        listener.Listen(OnTransportAccepted);
    }

    public void Stop()
    {
        listener?.Close();
        foreach (AmqpConnection connection in connections.Keys)
        {
            connection.SafeClose();
        }
    }

    void OnTransportAccepted(TransportListener source, TransportAsyncCallbackArgs args)
    {
        AmqpConnection? connection = null;
        try
        {
            var connectionSettings = new AmqpConnectionSettings
            {
                ContainerId = "reintegration-servicebus-standin",
                MaxFrameSize = 64 * 1024,
                IdleTimeOut = 4 * 60 * 1000,
            };
            connection = new AmqpConnection(args.Transport, (ProtocolHeader)args.UserToken, false, settings!, connectionSettings);
            connection.Closed += OnConnectionClosed;
            connections[connection] = 0;
            connection.BeginOpen(TimeSpan.FromSeconds(30), OnConnectionOpened, connection);
        }
        catch (Exception e)
        {
            BrokerLog.UnexpectedError(logger, e, "accepting a connection");
            connection?.SafeClose(e);
        }
    }

    void OnConnectionOpened(IAsyncResult result)
    {
        var connection = (AmqpConnection)result.AsyncState!;
        try
        {
            connection.EndOpen(result);
        }
        catch (Exception e)
        {
            connection.SafeClose(e);
        }
    }

    void OnConnectionClosed(object? sender, EventArgs e)
    {
        if (sender is AmqpConnection connection)
        {
            connections.TryRemove(connection, out _);
            router.OnConnectionClosed(connection);
            BrokerLog.ConnectionClosed(logger, connection.Settings.RemoteContainerId ?? "?", connection.TerminalException?.Message ?? "closed");
        }
    }

    AmqpConnection IConnectionFactory.CreateConnection(TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings, AmqpConnectionSettings connectionSettings) =>
        new(transport, protocolHeader, isInitiator, amqpSettings, connectionSettings);

    AmqpSession ISessionFactory.CreateSession(AmqpConnection connection, AmqpSessionSettings sessionSettings) =>
        throw new InvalidOperationException("The stand-in does not open sessions of its own.");

    AmqpLink ILinkFactory.CreateLink(AmqpSession session, AmqpLinkSettings linkSettings)
    {
        linkSettings.MaxMessageSize = MaxMessageSize;
        if (linkSettings.Role == true)
        {
            // The client sends on this link: give it credit and top it up as messages are settled.
            linkSettings.TotalLinkCredit = 100;
            linkSettings.AutoSendFlow = true;
            return new ReceivingAmqpLink(session, linkSettings);
        }

        return new SendingAmqpLink(session, linkSettings);
    }

    IAsyncResult ILinkFactory.BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state)
    {
        router.Attach(link);
        return new CompletedResult(callback, state);
    }

    void ILinkFactory.EndOpenLink(IAsyncResult result)
    {
    }

    /// <summary>Link attach is decided synchronously; this completes the library's async pattern at once.</summary>
    sealed class CompletedResult : IAsyncResult
    {
        public CompletedResult(AsyncCallback callback, object? state)
        {
            AsyncState = state;
            callback(this);
        }

        public object? AsyncState { get; }

        public WaitHandle AsyncWaitHandle => throw new NotSupportedException();

        public bool CompletedSynchronously => true;

        public bool IsCompleted => true;
    }
}
