using Reintegration.Core.Access;
using Reintegration.Core.Cases;

namespace Reintegration.Core.Tasks;

/// <summary>One piece of open work: which case, what it waits for, since when.</summary>
public sealed record WorkItem(string Kind, string CaseId, DateTimeOffset WaitingSince);

/// <summary>The caller's open work, oldest first, from the cases in their scope.</summary>
public sealed class TaskList(ICaseStore cases)
{
    public const int MaxPerKind = 100;

    private static readonly Dictionary<Role, (string Kind, WaitingFor WaitingFor)[]> WorkOf = new()
    {
        [Role.Coordinator] =
        [
            ("decide-referral", new WaitingFor.LeavingStatus(CaseStatus.Referred)),
            ("approve-plan", new WaitingFor.PlanDecision()),
        ],
        [Role.Caseworker] =
        [
            ("assign-partner", new WaitingFor.LeavingStatus(CaseStatus.Accepted)),
            ("draft-plan", new WaitingFor.LeavingStatus(CaseStatus.PartnerAssigned)),
        ],
        [Role.Partner] =
        [
            ("confirm-arrival", new WaitingFor.LeavingStatus(CaseStatus.Departed)),
        ],
        [Role.Dpo] = [],
    };

    public async Task<IReadOnlyList<WorkItem>> ForAsync(Caller caller, CancellationToken cancellationToken)
    {
        var scope = CaseAccessPolicy.ScopeOf(caller);
        var items = new List<WorkItem>();
        foreach (var (kind, waitingFor) in WorkOf[caller.Role])
        {
            var waiting = await cases.WaitingAsync(scope, waitingFor, MaxPerKind, cancellationToken);
            items.AddRange(waiting.Select(c => new WorkItem(kind, c.Id, Since(c, waitingFor))));
        }
        return items.OrderBy(i => i.WaitingSince).ToList();
    }

    private static DateTimeOffset Since(Case @case, WaitingFor waitingFor) =>
        waitingFor is WaitingFor.PlanDecision ? @case.Plan?.SubmittedAt ?? @case.StatusChangedAt : @case.StatusChangedAt;
}
