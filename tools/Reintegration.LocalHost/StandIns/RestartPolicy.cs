namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// How the watchdog restarts a stand-in that ended: after a delay that doubles with each attempt in a row, up to a
/// limit, then no more. A stand-in that ran for <see cref="StableAfter"/> before ending starts the count afresh.
/// </summary>
public sealed record RestartPolicy
{
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxAttempts { get; init; } = 5;

    public TimeSpan StableAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the given attempt (1 is the first); null once the attempts are used up.</summary>
    public TimeSpan? DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (attempt > MaxAttempts)
        {
            return null;
        }

        var doublings = Math.Min(attempt - 1, 30);
        var delay = FirstDelay.Ticks * (1L << doublings);
        return delay > MaxDelay.Ticks || delay < 0 ? MaxDelay : TimeSpan.FromTicks(delay);
    }
}
