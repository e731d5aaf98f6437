using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Reintegration.ServiceBusStandIn.Tests.Infrastructure;

/// <summary>Keeps the stand-in's log lines so tests can check what a person running it would see.</summary>
public sealed class CapturingLogger : ILogger
{
    readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue(formatter(state, exception));
}
