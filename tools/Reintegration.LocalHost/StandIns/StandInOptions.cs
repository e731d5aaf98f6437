namespace Reintegration.LocalHost.StandIns;

public sealed record StandInOptions
{
    /// <summary>Where the stand-ins keep their files: azurite/ (Azurite --location) and cosmos/ (its certificate and journal).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>tools/standins; found from the repository when not given.</summary>
    public string? StandInsDirectory { get; init; }

    /// <summary>Use the emulators' usual ports (10000-10002, 8081, 5672) when free; otherwise, and by default, any free port.</summary>
    public bool PreferWellKnownPorts { get; init; }

    /// <summary>Further stand-ins started with the built-in ones (Azurite, Cosmos DB, Service Bus).</summary>
    public IReadOnlyList<StandInStarter> Additional { get; init; } = [];

    /// <summary>
    /// Whether the Cosmos DB stand-in answers a change only once its journal reached the disk (fdatasync), so that not
    /// even a machine crash loses it. Off, a change is answered once written: a killed stand-in or host still loses
    /// nothing. Tests whose data is deleted with the run turn it off (a flush under load can take tens of milliseconds).
    /// </summary>
    public bool FlushCosmosJournal { get; init; } = true;

    /// <summary>How a stand-in whose process ends is started again (see <see cref="StandInWatchdog"/>).</summary>
    public RestartPolicy Restarts { get; init; } = new();

    /// <summary>The watchdog's clock, for its waits between restarts (tests move a fake one).</summary>
    public TimeProvider WatchdogTime { get; init; } = TimeProvider.System;
}
