using Microsoft.Extensions.Logging;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// Watches the stand-ins that run in processes of their own and starts one again, on the same port(s) over the same
/// data, when its process ends. It waits longer before each attempt in a row and gives up, loudly, after the
/// policy's last attempt. While a stand-in is down the app's health check answers 503 naming the dependency.
/// Logs name the stand-in, never data.
/// </summary>
public sealed class StandInWatchdog : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly RestartPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<Task> _watches;
    private int _gaveUp;

    public StandInWatchdog(IEnumerable<IRestartableStandIn> standIns, RestartPolicy policy, TimeProvider time, ILogger logger)
    {
        _policy = policy;
        _time = time;
        _logger = logger;
        _watches = [.. standIns.Select(standIn => Task.Run(() => WatchAsync(standIn)))];
    }

    /// <summary>How many stand-ins it gave up on.</summary>
    public int GaveUp => Volatile.Read(ref _gaveUp);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_watches).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task WatchAsync(IRestartableStandIn standIn)
    {
        var token = _stopping.Token;
        var attempt = 0;
        try
        {
            while (true)
            {
                var upSince = _time.GetTimestamp();
                var exitCode = await standIn.WaitForExitAsync(token).ConfigureAwait(false);
                attempt = _time.GetElapsedTime(upSince) >= _policy.StableAfter ? 1 : attempt + 1;
                if (!await RestartAsync(standIn, exitCode, attempt, token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The set is stopping: its stand-ins end now on purpose.
        }
    }

    /// <summary>Tries until it runs again (true) or the attempts are used up (false).</summary>
    private async Task<bool> RestartAsync(IRestartableStandIn standIn, int exitCode, int attempt, CancellationToken token)
    {
        for (; ; attempt++)
        {
            if (_policy.DelayBefore(attempt) is not { } delay)
            {
                Interlocked.Increment(ref _gaveUp);
                _logger.LogCritical(
                    "The {StandIn} stand-in ended {Attempts} times in a row and is no longer restarted; /api/health reports it down. "
                    + "Restart the local host once the cause (see the stand-in's output above) is fixed",
                    standIn.Name, _policy.MaxAttempts);
                return false;
            }

            _logger.LogWarning(
                "The {StandIn} stand-in ended (exit code {ExitCode}); restarting it on the same port in {Delay} (attempt {Attempt} of {MaxAttempts})",
                standIn.Name, exitCode, delay, attempt, _policy.MaxAttempts);
            await Task.Delay(delay, _time, token).ConfigureAwait(false);
            try
            {
                await standIn.RestartAsync(token).ConfigureAwait(false);
                _logger.LogWarning("The {StandIn} stand-in runs again on the same port", standIn.Name);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // The first line only: the stand-in's own output (the rest of the message) is already in the log.
                _logger.LogError("Restarting the {StandIn} stand-in failed: {Problem}", standIn.Name, FirstLine(ex.Message));
                exitCode = -1;
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
