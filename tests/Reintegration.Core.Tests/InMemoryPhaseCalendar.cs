using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Tests;

/// <summary>The phase calendar with a version, over the phases of an in-memory reference data set.</summary>
internal sealed class InMemoryPhaseCalendar(InMemoryReferenceData phases) : IPhaseCalendarStore
{
    private PhaseCalendar? _calendar;
    private int _version;

    /// <summary>Runs after a read and before its write, as another coordinator's save would.</summary>
    public Func<Task>? BetweenReadAndWrite { get; set; }

    public PhaseCalendar? Calendar => _calendar;

    public async Task<PhaseCalendarRead> ReadAsync(CancellationToken cancellationToken)
    {
        var read = new PhaseCalendarRead(_calendar ?? PhaseCalendar.Empty, await phases.PhasesAsync(cancellationToken),
            _calendar is null ? null : $"\"{_version}\"");
        if (BetweenReadAndWrite is { } other)
        {
            BetweenReadAndWrite = null;
            await other();
        }
        return read;
    }

    public Task<bool> TryWriteAsync(PhaseCalendar calendar, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = _calendar is null ? null : $"\"{_version}\"";
        if (ifMatch != current)
        {
            return Task.FromResult(false);
        }
        _calendar = calendar;
        _version++;
        return Task.FromResult(true);
    }
}
