using System.Text.Json.Serialization;
using Reintegration.Core.Access;

namespace Reintegration.Core.Cases.Parts;

/// <summary>The case's history: append-only, each entry says who did what, in which role and organisation, when and why.</summary>
[JsonConverter(typeof(CasePartConverter<CaseTimeline, TimelineEntry>))]
public sealed class CaseTimeline : CasePart<TimelineEntry>, ICasePart<CaseTimeline, TimelineEntry>
{
    public CaseTimeline() : base([])
    {
    }

    private CaseTimeline(IEnumerable<TimelineEntry> entries) : base(entries)
    {
    }

    public static CaseTimeline From(IEnumerable<TimelineEntry> items) => new(items);

    /// <summary>A step by a person: a transition when <paramref name="from"/> and <paramref name="to"/> differ.</summary>
    public void Add(string action, Caller actor, DateTimeOffset now, CaseStatus? from, CaseStatus to, string? reason) =>
        Add(action, actor.UserId, actor.RoleName, actor.OrganisationId, now, from, to, reason);

    /// <summary>A step by the app itself or on a decision recorded elsewhere (an erasure).</summary>
    public void Add(string action, string actorId, string actorRole, string actorOrganisationId, DateTimeOffset now,
        CaseStatus? from, CaseStatus to, string? reason) =>
        Items.Add(new TimelineEntry
        {
            At = now,
            Action = action,
            ActorId = actorId,
            ActorRole = actorRole,
            ActorOrganisationId = actorOrganisationId,
            From = from,
            To = to,
            Reason = reason,
        });

    /// <summary>Anonymisation keeps who did what when, and drops the reasons people typed.</summary>
    public void ForgetReasons() => ReplaceEach(entry => entry with { Reason = null });
}
