using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reintegration.LocalHost.Configuration;
using Reintegration.LocalHost.Functions;

namespace Reintegration.LocalHost.Timers;

/// <summary>Starts a listener per timer-triggered function; schedules resolve "%Setting%" from configuration.</summary>
internal sealed class TimerTriggerService(
    FunctionCatalog catalog,
    IServiceProvider services,
    IConfiguration configuration,
    ILoggerFactory loggerFactory) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TimerTriggerListener> _listeners = [];

    public IReadOnlyList<TimerTriggerListener> Listeners => _listeners;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The app's clock when it registers one (tests register a fake one), else the system clock.
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = loggerFactory.CreateLogger("LocalHost.Timers");
        foreach (var function in catalog.OfTrigger(TriggerKind.Timer))
        {
            TimerSchedule schedule;
            try
            {
                schedule = TimerSchedule.Parse(SettingExpressions.Resolve(function.Timer!.Schedule, configuration));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw new InvalidOperationException($"Timer function '{function.Name}' has an unusable schedule '{function.Timer!.Schedule}': {ex.Message}", ex);
            }

            var listener = new TimerTriggerListener(function, schedule, services, time, logger);
            listener.Start(_stopping.Token);
            _listeners.Add(listener);
            logger.LogInformation("Timer function {FunctionName} next runs at {Next:O}", function.Name, listener.NextOccurrence);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

    }
}
