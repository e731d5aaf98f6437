using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.LocalHost.Configuration;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// The running stand-ins: Azurite, the Cosmos DB server, the Service Bus stand-in and any additional ones. A watchdog
/// starts again the ones in processes of their own when they end. Disposing stops them all.
/// </summary>
public sealed class StandInSet : IAsyncDisposable
{
    private readonly StandInWatchdog _watchdog;

    private StandInSet(string dataDirectory, IReadOnlyList<IStandIn> all, StandInWatchdog watchdog)
    {
        DataDirectory = dataDirectory;
        All = all;
        _watchdog = watchdog;
    }

    public string DataDirectory { get; }

    public IReadOnlyList<IStandIn> All { get; }

    public AzuriteStandIn Azurite => All.OfType<AzuriteStandIn>().Single();

    public CosmosStandIn Cosmos => All.OfType<CosmosStandIn>().Single();

    public ServiceBusStandInAdapter ServiceBus => All.OfType<ServiceBusStandInAdapter>().Single();

    /// <summary>How many stand-ins the watchdog gave up restarting.</summary>
    public int GivenUp => _watchdog.GaveUp;

    /// <summary>Every stand-in's app settings together.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings =>
        All.SelectMany(s => s.AppSettings).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts the stand-ins side by side and waits until each one listens.</summary>
    public static async Task<StandInSet> StartAsync(StandInOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var standInsDirectory = options.StandInsDirectory ?? RepositoryLayout.Locate().StandInsDirectory;
        loggerFactory ??= NullLoggerFactory.Instance;
        var context = new StandInContext(standInsDirectory, dataDirectory, options.PreferWellKnownPorts, loggerFactory, options.FlushCosmosJournal);
        EnsureInstalled(standInsDirectory);

        StandInStarter[] starters = [AzuriteStandIn.StartAsync, CosmosStandIn.StartAsync, ServiceBusStandInAdapter.StartAsync, .. options.Additional];
        var starting = starters.Select(start => start(context, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(starting).ConfigureAwait(false);
        }
        catch
        {
            // Stop the ones that did start before reporting the failure.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var all = starting.Select(t => t.Result).ToList();
        var watchdog = new StandInWatchdog(all.OfType<IRestartableStandIn>(), options.Restarts, options.WatchdogTime, loggerFactory.CreateLogger("StandIn.Watchdog"));
        return new StandInSet(dataDirectory, all, watchdog);
    }

    public async ValueTask DisposeAsync()
    {
        // First the watchdog, so the stand-ins' ending now is not taken for a crash.
        await _watchdog.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(All.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private static void EnsureInstalled(string standInsDirectory)
    {
        if (!Directory.Exists(Path.Combine(standInsDirectory, "node_modules", "azurite"))
            || !Directory.Exists(Path.Combine(standInsDirectory, "node_modules", "@vercel", "cosmosdb-server")))
        {
            throw new InvalidOperationException(
                $"The stand-ins are not installed in '{standInsDirectory}'. Building tools/Reintegration.LocalHost installs them "
                + "(it runs `npm ci` there); or run `npm ci --no-audit --no-fund` in that folder.");
        }
    }
}
