using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>
/// The app's error log lines (exception type and where it was thrown), by the trace id of the request being served,
/// so a finding can say which exception lay behind a 5xx. Each fuzz request sends its own traceparent.
/// </summary>
internal sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byTrace = new();
    private volatile bool _stopped;

    public IReadOnlyList<string> For(ActivityTraceId traceId) =>
        _byTrace.TryGetValue(traceId.ToHexString(), out var lines) ? [.. lines.Distinct()] : [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>Stops collecting: a logger factory cannot take a provider back, and the host outlives the run.</summary>
    public void Dispose() => _stopped = true;

    private void Add(string line)
    {
        if (!_stopped && Activity.Current is { } activity)
        {
            _byTrace.GetOrAdd(activity.TraceId.ToHexString(), _ => new ConcurrentQueue<string>()).Enqueue(line);
        }
    }

    private sealed class Logger(ServerErrors errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            // Only the exception's type and site: its message may quote the request.
            var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var type = exception?.GetType().Name ?? fields.FirstOrDefault(f => f.Key == "ExceptionType").Value?.ToString() ?? "(no exception)";
            var site = exception?.TargetSite?.DeclaringType?.FullName ?? fields.FirstOrDefault(f => f.Key == "Site").Value?.ToString();
            var inner = exception?.InnerException is { } e ? $" <- {e.GetType().Name}" : "";
            errors.Add(site is null ? type + inner : $"{type}{inner} at {site}");
        }
    }
}
