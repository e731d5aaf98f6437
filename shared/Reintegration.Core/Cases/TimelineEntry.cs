namespace Reintegration.Core.Cases;

/// <summary>One step in a case's history: who did what, in which role and organisation, when and why.</summary>
public sealed record TimelineEntry
{
    public required DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public required string ActorId { get; init; }
    public required string ActorRole { get; init; }
    public required string ActorOrganisationId { get; init; }
    public CaseStatus? From { get; init; }
    public required CaseStatus To { get; init; }
    public string? Reason { get; init; }
}
