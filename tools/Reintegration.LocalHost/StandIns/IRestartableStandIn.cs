namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// A stand-in in a process of its own, which can end while the local host runs (a crash, a kill): the
/// <see cref="StandInWatchdog"/> then starts it again where it was.
/// </summary>
public interface IRestartableStandIn : IStandIn
{
    /// <summary>The operating system's id of its current process.</summary>
    int ProcessId { get; }

    /// <summary>Completes with the exit code when its current process ends.</summary>
    Task<int> WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Starts it again on the same port(s) over the same data, so clients keep their endpoints.</summary>
    Task RestartAsync(CancellationToken cancellationToken);
}
