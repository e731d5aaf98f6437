using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Reintegration.Testing;

namespace Reintegration.Telemetry.Tests;

/// <summary>
/// The telemetry tests' class fixture (the lint test needs no host): the local host with an in-memory span exporter next to the app's own telemetry, the deadline job once a day at
/// 06:00, and Service Bus failing at once while it is down.
/// </summary>
public sealed class TelemetryHostFixture : LocalHostFixture
{
    /// <summary>Every span the host ended, in the order they ended.</summary>
    public Spans Spans { get; } = new();

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["MonitoringDeadlineSchedule"] = "0 0 6 * * *";
        settings["ServiceBus:MaxRetries"] = "0";
        settings["ServiceBus:TryTimeout"] = "00:00:05";
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
}

/// <summary>The exporter adds from the host's threads while a test reads: a list behind a lock.</summary>
public sealed class Spans : ICollection<Activity>
{
    private readonly List<Activity> spans = [];

    public List<Activity> Snapshot()
    {
        lock (spans) return [.. spans];
    }

    public List<Activity> OfTrace(ActivityTraceId traceId) => Snapshot().Where(s => s.TraceId == traceId).ToList();

    public int Count
    {
        get { lock (spans) return spans.Count; }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (spans) spans.Add(item);
    }

    public void Clear()
    {
        lock (spans) spans.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (spans) return spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (spans) spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (spans) return spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
