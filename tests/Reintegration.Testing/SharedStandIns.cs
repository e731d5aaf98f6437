using Reintegration.LocalHost.StandIns;

namespace Reintegration.Testing;

/// <summary>
/// The stand-ins of one test process: started on first use, on free ports with a temporary data folder (so test
/// processes running side by side never share), and stopped when the last lease is returned or the process exits.
/// Node stand-ins also end by themselves when this process dies (see tools/standins/lib/exit-with-parent.js).
/// </summary>
public static class SharedStandIns
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static StandInSet? _standIns;
    private static int _leases;

    static SharedStandIns()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAsync().AsTask().Wait(TimeSpan.FromSeconds(15));
    }

    /// <summary>Returns the running stand-ins, starting them if needed; dispose the lease when done with them.</summary>
    public static async Task<StandInsLease> AcquireAsync(CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _standIns ??= await StandInSet.StartAsync(
                // The data is deleted with the run: answering before the journal reaches the disk saves a flush per write.
                new StandInOptions { DataDirectory = TemporaryDirectory(), FlushCosmosJournal = false },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            _leases++;
            return new StandInsLease(_standIns);
        }
        finally
        {
            Gate.Release();
        }
    }

    internal static async ValueTask ReleaseAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (--_leases == 0)
            {
                await StopCoreAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async ValueTask StopAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async ValueTask StopCoreAsync()
    {
        if (_standIns is not { } standIns)
        {
            return;
        }

        _standIns = null;
        await standIns.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(standIns.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned up later.
        }
    }

    private static string TemporaryDirectory() =>
        Path.Combine(Path.GetTempPath(), "reintegration-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
}

/// <summary>A hold on the shared stand-ins; they stop when the last lease is disposed.</summary>
public sealed class StandInsLease : IAsyncDisposable
{
    private int _disposed;

    internal StandInsLease(StandInSet standIns) => StandIns = standIns;

    public StandInSet StandIns { get; }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? SharedStandIns.ReleaseAsync() : ValueTask.CompletedTask;
}
