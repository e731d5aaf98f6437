using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Reintegration.Testing;

/// <summary>
/// Every log line the app writes in a test run, at every level, with exceptions: so a test can prove that no personal
/// data reaches the logs. Bounded, so a long run cannot exhaust memory.
/// </summary>
public class CapturedLogs : ILoggerProvider
{
    public const int MaxLines = 1_000_000;

    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void Dispose() => GC.SuppressFinalize(this);

    private sealed class Capture(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (sink._lines.Count < MaxLines)
            {
                sink._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}

/// <summary>The capture every local host fixture adds, at every level whatever the fixture's own logging says.</summary>
internal sealed class EveryLevelLogs : CapturedLogs;
