using System.Threading.Channels;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.LocalHost.Functions;

namespace Reintegration.LocalHost.Timers;

/// <summary>
/// Runs one timer-triggered function on its schedule, on the app's TimeProvider. The timer is re-armed inside its
/// own callback (so registered before a fake clock's Advance returns), and a clock moved past several occurrences
/// runs each of them (up to <see cref="MaxCatchUp"/>). Invocations of one function never overlap (as with the
/// Functions host's singleton timers).
/// </summary>
internal sealed class TimerTriggerListener : IAsyncDisposable
{
    /// <summary>System timers allow due times up to about 49 days; longer waits are taken in steps.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    /// <summary>An occurrence handled later than this counts as past due.</summary>
    private static readonly TimeSpan PastDueAfter = TimeSpan.FromSeconds(1);

    /// <summary>At most this many missed occurrences run one after the other; then the schedule skips ahead.</summary>
    private const int MaxCatchUp = 100;

    private readonly FunctionDescriptor _function;
    private readonly TimerSchedule _schedule;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Occurrence> _occurrences = Channel.CreateUnbounded<Occurrence>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private DateTimeOffset _next;
    private DateTime? _last;
    private int _caughtUp;
    private Task _consumer = Task.CompletedTask;

    public TimerTriggerListener(FunctionDescriptor function, TimerSchedule schedule, IServiceProvider services, TimeProvider time, ILogger logger)
    {
        _function = function;
        _schedule = schedule;
        _services = services;
        _time = time;
        _logger = logger;
    }

    public FunctionDescriptor Function => _function;

    /// <summary>When the function fires next.</summary>
    public DateTimeOffset NextOccurrence
    {
        get
        {
            lock (_lock)
            {
                return _next;
            }
        }
    }

    public void Start(CancellationToken stopping)
    {
        var now = _time.GetUtcNow();
        if (_function.Timer!.RunOnStartup)
        {
            _occurrences.Writer.TryWrite(new Occurrence(now, _schedule.NextAfter(now), IsPastDue: false));
        }

        lock (_lock)
        {
            _timer = _time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Arm(_schedule.NextAfter(now), now);
        }

        _consumer = Task.Run(() => ConsumeAsync(stopping), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }

        _occurrences.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_timer is null)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (now < _next)
            {
                Arm(_next, now); // woke early, or a long wait taken in steps
                return;
            }

            // The next occurrence follows this one, not "now": when the clock jumped past several occurrences
            // (a fake clock moved by a test, a machine waking up), each of them runs, flagged as past due.
            var due = _next;
            var next = _schedule.NextAfter(due);
            _caughtUp = next <= now ? _caughtUp + 1 : 0;
            if (_caughtUp > MaxCatchUp)
            {
                _logger.LogWarning("Timer function {FunctionName} missed more than {Count} occurrences; skipping to the next one", _function.Name, MaxCatchUp);
                next = _schedule.NextAfter(now);
                _caughtUp = 0;
            }

            _occurrences.Writer.TryWrite(new Occurrence(due, next, IsPastDue: now - due > PastDueAfter));
            Arm(next, now);
        }
    }

    private void Arm(DateTimeOffset next, DateTimeOffset now)
    {
        _next = next;
        var wait = next - now;
        _timer!.Change(wait > LongestWait ? LongestWait : wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }

    private async Task ConsumeAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var occurrence in _occurrences.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                await InvokeAsync(occurrence, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async Task InvokeAsync(Occurrence occurrence, CancellationToken stopping)
    {
        var timerInfo = new TimerInfo
        {
            IsPastDue = occurrence.IsPastDue,
            ScheduleStatus = new ScheduleStatus
            {
                Last = _last ?? default,
                Next = occurrence.Next.UtcDateTime,
                LastUpdated = _time.GetUtcNow().UtcDateTime,
            },
        };
        _last = occurrence.Due.UtcDateTime;
        try
        {
            var scope = _services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await FunctionInvoker.InvokeAsync(_function, scope.ServiceProvider, new InvocationInput(timerInfo, stopping)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A failed timer run is not retried; the next occurrence runs as scheduled (as in the Functions host).
            _logger.LogError(ex, "Timer function {FunctionName} failed with {ExceptionType}", _function.Name, ex.GetType().Name);
        }
    }

    private sealed record Occurrence(DateTimeOffset Due, DateTimeOffset Next, bool IsPastDue);
}
