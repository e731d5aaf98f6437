using System.Net;
using System.Net.Sockets;

namespace Reintegration.LocalHost.StandIns;

/// <summary>Picks loopback ports: the preferred one when it is free, else one the OS hands out.</summary>
internal static class FreePorts
{
    public static int Pick(int preferred = 0) => preferred > 0 && IsFree(preferred) ? preferred : Any();

    private static int Any()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
