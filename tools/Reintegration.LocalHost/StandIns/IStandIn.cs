namespace Reintegration.LocalHost.StandIns;

/// <summary>A local replacement for an Azure service, running while the local host or a test run needs it.</summary>
public interface IStandIn : IAsyncDisposable
{
    string Name { get; }

    /// <summary>The app settings that point the app at this stand-in (connection strings, endpoints, keys).</summary>
    IReadOnlyDictionary<string, string?> AppSettings { get; }

    /// <summary>One line for the log: where it listens.</summary>
    string Description { get; }
}

/// <summary>What every stand-in needs to start.</summary>
/// <param name="StandInsDirectory">tools/standins: the pinned npm packages and the node scripts.</param>
/// <param name="DataDirectory">Where stand-ins keep their files (each in its own subfolder).</param>
/// <param name="PreferWellKnownPorts">Use the emulators' usual ports when free (interactive run); else any free port (tests).</param>
/// <param name="FlushCosmosJournal">See <see cref="StandInOptions.FlushCosmosJournal"/>.</param>
public sealed record StandInContext(
    string StandInsDirectory,
    string DataDirectory,
    bool PreferWellKnownPorts,
    Microsoft.Extensions.Logging.ILoggerFactory LoggerFactory,
    bool FlushCosmosJournal = true);

/// <summary>Starts one stand-in: the seam through which further stand-ins (e.g. Service Bus) join the set.</summary>
public delegate Task<IStandIn> StandInStarter(StandInContext context, CancellationToken cancellationToken);
