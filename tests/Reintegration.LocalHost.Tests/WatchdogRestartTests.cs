using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reintegration.LocalHost.StandIns;

namespace Reintegration.LocalHost.Tests;

/// <summary>The watchdog's rules over a stand-in that ends when told to, on a fake clock.</summary>
public sealed class WatchdogRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingLogger _log = new();
    private readonly RestartPolicy _policy = new() { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(4), MaxAttempts = 3 };

    [Fact]
    public async Task A_stand_in_that_ends_is_started_again_only_after_the_wait()
    {
        var standIn = new ScriptedStandIn();
        await using var watchdog = new StandInWatchdog([standIn], _policy, _clock, _log);

        standIn.End(137);
        await Eventually.TrueAsync(() => Task.FromResult(_log.Has(LogLevel.Warning, "ended (exit code 137)")), Deadline);
        var endedAt = _clock.GetUtcNow();
        await Eventually.TrueAsync(() =>
        {
            if (standIn.Restarts == 0)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            return Task.FromResult(standIn.Restarts == 1);
        }, Deadline);

        // The wait starts after the log line, so at least the first delay has passed on the clock since it.
        Assert.True(_clock.GetUtcNow() - endedAt >= _policy.FirstDelay, $"restarted after {_clock.GetUtcNow() - endedAt}");
        Assert.True(_log.Has(LogLevel.Warning, "runs again on the same port"));
        Assert.Equal(0, watchdog.GaveUp);
    }

    [Fact]
    public async Task A_stand_in_that_cannot_start_again_is_given_up_after_the_last_attempt_with_a_critical_log()
    {
        var standIn = new ScriptedStandIn { FailingRestarts = int.MaxValue };
        await using var watchdog = new StandInWatchdog([standIn], _policy, _clock, _log);

        standIn.End(1);
        await Eventually.TrueAsync(() =>
        {
            _clock.Advance(_policy.MaxDelay);
            return Task.FromResult(watchdog.GaveUp == 1);
        }, Deadline);

        Assert.Equal(_policy.MaxAttempts, standIn.Restarts);
        Assert.True(_log.Has(LogLevel.Critical, "no longer restarted"));
        Assert.Equal(_policy.MaxAttempts, _log.Count(LogLevel.Error, "Restarting the Scripted stand-in failed"));
    }

    [Fact]
    public async Task A_stand_in_that_keeps_ending_soon_after_a_restart_is_given_up_too()
    {
        var standIn = new ScriptedStandIn();
        await using var watchdog = new StandInWatchdog([standIn], _policy, _clock, _log);

        for (var attempt = 1; attempt <= _policy.MaxAttempts; attempt++)
        {
            standIn.End(1);
            await Eventually.TrueAsync(() =>
            {
                _clock.Advance(_policy.FirstDelay);
                return Task.FromResult(standIn.Restarts == attempt);
            }, Deadline);
        }

        standIn.End(1);
        await Eventually.TrueAsync(() => Task.FromResult(watchdog.GaveUp == 1), Deadline);
        Assert.Equal(_policy.MaxAttempts, standIn.Restarts);
    }

    /// <summary>Ends when told; its restarts fail as many times as set, then succeed.</summary>
    private sealed class ScriptedStandIn : IRestartableStandIn
    {
        private volatile TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _restarts;

        public int FailingRestarts { get; init; }

        public int Restarts => Volatile.Read(ref _restarts);

        public string Name => "Scripted";

        public IReadOnlyDictionary<string, string?> AppSettings { get; } = new Dictionary<string, string?>();

        public string Description => Name;

        public int ProcessId => 0;

        public void End(int exitCode) => _exit.TrySetResult(exitCode);

        public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _exit.Task.WaitAsync(cancellationToken);

        public Task RestartAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _restarts) <= FailingRestarts)
            {
                throw new StandInStartException(Name, "exited with code 1 before listening", "line one of its output");
            }

            _exit = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RecordingLogger : ILogger
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public bool Has(LogLevel level, string text) => Count(level, text) > 0;

        public int Count(LogLevel level, string text)
        {
            lock (_entries)
            {
                return _entries.Count(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal));
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
