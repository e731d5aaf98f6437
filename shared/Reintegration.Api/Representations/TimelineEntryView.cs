using Reintegration.Core.Access;
using Reintegration.Core.Cases;

namespace Reintegration.Api.Representations;

/// <summary>
/// One step of a case's history: who (user id, role, organisation) did what, when and why. For the referring
/// organisation, coordinators and the DPO; it names staff of every organisation, so partners get no view.
/// </summary>
public sealed record TimelineEntryView(
    DateTimeOffset At, string Action, string ActorId, string ActorRole, string ActorOrganisationId, CaseStatus? From, CaseStatus To, string? Reason)
{
    public static readonly ViewsByRole<TimelineEntry> ByRole = new ViewsByRole<TimelineEntry>("timeline")
        .Give((_, t) => new TimelineEntryView(t.At, t.Action, t.ActorId, t.ActorRole, t.ActorOrganisationId, t.From, t.To, t.Reason),
            Role.Caseworker, Role.Coordinator, Role.Dpo);

    public static IReadOnlyList<object> For(Caller caller, IEnumerable<TimelineEntry> timeline) => ByRole.ForEach(caller, timeline);
}
