namespace Reintegration.Core.ReferenceData;

/// <summary>
/// The dates phases hold, in one record written conditionally before a phase is saved: two coordinators saving
/// overlapping phases at the same moment, on one instance or two, cannot both pass the overlap check
/// (docs/decisions/0024-the-phase-calendar.md).
/// </summary>
public sealed record PhaseCalendar(IReadOnlyList<PhaseDates> Dates)
{
    /// <summary>How long dates reserved for a phase not stored with them hold: its save is in flight, or failed.</summary>
    public static readonly TimeSpan ReservationHold = TimeSpan.FromMinutes(10);

    public static readonly PhaseCalendar Empty = new([]);

    /// <summary>
    /// The dates held now: every stored phase's, and those reserved within the hold for a phase not stored with them.
    /// </summary>
    public IReadOnlyList<PhaseDates> HeldWith(IReadOnlyList<ProgrammePhase> stored, DateTimeOffset now)
    {
        var storedDates = stored.Select(PhaseDates.Of).ToList();
        var inFlight = Dates.Where(d => d.ReservedAt > now - ReservationHold && !storedDates.Any(s => s.SameDays(d)));
        return storedDates.Concat(inFlight).ToList();
    }
}

/// <param name="ReservedAt">When a save reserved these dates; null for dates of a stored phase.</param>
public sealed record PhaseDates(string PhaseId, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset? ReservedAt = null)
{
    public static PhaseDates Of(ProgrammePhase phase) => new(phase.Id, phase.StartsOn, phase.EndsOn);

    /// <summary>Whether another phase shares a day with this one (a phase may move over its own dates).</summary>
    public bool Overlaps(PhaseDates other) => other.PhaseId != PhaseId && other.StartsOn <= EndsOn && StartsOn <= other.EndsOn;

    public bool SameDays(PhaseDates other) => other.PhaseId == PhaseId && other.StartsOn == StartsOn && other.EndsOn == EndsOn;
}

/// <summary>What a phase save checks against: the calendar and the phases as stored now (never from a cache).</summary>
/// <param name="ETag">The calendar's version; null when none is stored yet.</param>
public sealed record PhaseCalendarRead(PhaseCalendar Calendar, IReadOnlyList<ProgrammePhase> Stored, string? ETag);

/// <summary>Where the calendar is kept.</summary>
public interface IPhaseCalendarStore
{
    Task<PhaseCalendarRead> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes the calendar if it is still at <paramref name="ifMatch"/> (null: if none is stored); false when another write came first.</summary>
    Task<bool> TryWriteAsync(PhaseCalendar calendar, string? ifMatch, CancellationToken cancellationToken);
}
