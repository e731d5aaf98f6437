using System.Net;
using System.Net.Sockets;

namespace Reintegration.ServiceBusStandIn.Tests.Infrastructure;

/// <summary>
/// A TCP proxy in front of the stand-in that drops a connection once the client has sent a number of
/// bytes, or on demand: a client that vanishes mid-transfer, as a crashed process or a broken network would.
/// </summary>
public sealed class CuttingProxy : IAsyncDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly int upstreamPort;
    readonly long cutAfterClientBytes;
    readonly List<(TcpClient Client, TcpClient Upstream)> connections = [];
    readonly CancellationTokenSource stop = new();
    readonly Task acceptLoop;

    public CuttingProxy(int upstreamPort, long cutAfterClientBytes = long.MaxValue)
    {
        this.upstreamPort = upstreamPort;
        this.cutAfterClientBytes = cutAfterClientBytes;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string ConnectionString =>
        $"Endpoint=sb://localhost:{Port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    /// <summary>Closes every connection through the proxy at once, without any AMQP goodbye.</summary>
    public void CutAll()
    {
        lock (connections)
        {
            foreach ((TcpClient client, TcpClient upstream) in connections)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                upstream.Dispose();
            }

            connections.Clear();
        }
    }

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, stop.Token);
            lock (connections)
            {
                connections.Add((client, upstream));
            }

            _ = PumpAsync(client.GetStream(), upstream.GetStream(), cutAfterClientBytes);
            _ = PumpAsync(upstream.GetStream(), client.GetStream(), long.MaxValue);
        }
    }

    async Task PumpAsync(NetworkStream from, NetworkStream to, long cutAfter)
    {
        var buffer = new byte[8192];
        long total = 0;
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                int allowed = (int)Math.Min(read, cutAfter - total);
                await to.WriteAsync(buffer.AsMemory(0, allowed), stop.Token);
                total += allowed;
                if (total >= cutAfter)
                {
                    CutAll();
                    return;
                }
            }
        }
        catch (Exception)
        {
            // Either side went away; the other one is closed below.
        }

        from.Dispose();
        to.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        CutAll();
        await acceptLoop;
        stop.Dispose();
    }
}
