using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Reintegration.Telemetry.Tests;

/// <summary>
/// What the host's own meters record from now on (meters of its IMeterFactory only, so another host in the process
/// could not add to the counts).
/// </summary>
internal sealed class Measurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> recorded = [];

    public Measurements(IServiceProvider hostServices)
    {
        var factory = hostServices.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                tagged[tag.Key] = tag.Value;
            }
            lock (recorded) recorded.Add((instrument.Name, value, tagged));
        });
        listener.Start();
    }

    /// <summary>The sum of what the instrument recorded (for a gauge: of every reading), with the tag if given.</summary>
    public long Sum(string instrument, string? tag = null, object? value = null) =>
        Of(instrument, tag, value).Sum();

    /// <summary>The readings of the instrument, oldest first.</summary>
    public List<long> Of(string instrument, string? tag = null, object? value = null)
    {
        lock (recorded)
        {
            return recorded.Where(r => r.Instrument == instrument && (tag is null || Equals(r.Tags.GetValueOrDefault(tag), value)))
                .Select(r => r.Value).ToList();
        }
    }

    /// <summary>Each instrument's readings so far, for a failure message.</summary>
    public string Describe()
    {
        lock (recorded)
        {
            return string.Join("; ", recorded.GroupBy(r => r.Instrument).Select(g => $"{g.Key}: {string.Join(",", g.Select(r => r.Value))}"));
        }
    }

    public void Dispose() => listener.Dispose();
}
