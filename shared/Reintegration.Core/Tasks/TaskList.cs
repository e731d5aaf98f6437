using Reintegration.Core.Access;
using Microsoft.Extensions.Options;
using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Monitoring;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Time;

namespace Reintegration.Core.Tasks;

/// <summary>One piece of open work: which case, what it waits for, since when.</summary>
public sealed record WorkItem(string Kind, string CaseId, DateTimeOffset WaitingSince, string? CheckpointId = null);

/// <summary>The caller's open work, oldest first, from the cases in their scope.</summary>
public sealed class TaskList(CaseGate gate, IReferenceDataStore referenceData, IOptions<MonitoringWindows> windows, ProgrammeClock clock)
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
        // What the partner is notified to do: prepare the reception from the assignment to the departure, then confirm the arrival.
        [Role.Partner] =
        [
            ("prepare-reception", new WaitingFor.LeavingStatus(CaseStatus.PartnerAssigned)),
            ("prepare-reception", new WaitingFor.LeavingStatus(CaseStatus.PlanSubmitted)),
            ("prepare-reception", new WaitingFor.LeavingStatus(CaseStatus.PlanApproved)),
            ("confirm-arrival", new WaitingFor.LeavingStatus(CaseStatus.Departed)),
        ],
        [Role.Dpo] = [],
    };

    public async Task<IReadOnlyList<WorkItem>> ForAsync(Caller caller, CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();
        foreach (var (kind, waitingFor) in WorkOf[caller.Role])
        {
            var waiting = await gate.WaitingAsync(caller, waitingFor, MaxPerKind, cancellationToken);
            items.AddRange(waiting.Select(c => new WorkItem(kind, c.Id, Since(c, waitingFor))));
        }
        items.AddRange(await MonitoringWorkAsync(caller, cancellationToken));
        items.AddRange(await StrandedWorkAsync(caller, cancellationToken));
        return items.OrderBy(i => i.WaitingSince).ToList();
    }

    /// <summary>Coordinators: open cases of a partner that was deactivated wait for another partner (reassign-partner).</summary>
    private async Task<IEnumerable<WorkItem>> StrandedWorkAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Coordinator)
        {
            return [];
        }
        var deactivated = (await referenceData.OrganisationsAsync(cancellationToken))
            .Where(o => o.Kind == OrganisationKind.Partner && !o.Active).ToDictionary(o => o.Id, o => o.DeactivatedAt);
        if (deactivated.Count == 0)
        {
            return [];
        }
        var held = await gate.WaitingAsync(caller, new WaitingFor.AnotherPartner(deactivated.Keys.ToList()), MaxPerKind, cancellationToken);
        // Waiting since the partner stopped (it held the case then: an inactive partner takes no case); a partner
        // deactivated before the time was kept, or in the seed, gives the case's status time instead.
        return held.Select(c => new WorkItem("reassign-partner", c.Id, deactivated.GetValueOrDefault(c.PartnerId!) ?? c.StatusChangedAt));
    }

    /// <summary>
    /// Partners: reports due or overdue (they are told of each). Caseworkers and coordinators: reports overdue long
    /// enough to be escalated to them.
    /// </summary>
    private async Task<IEnumerable<WorkItem>> MonitoringWorkAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Role is not (Role.Partner or Role.Caseworker or Role.Coordinator))
        {
            return [];
        }
        var today = clock.Today;
        var w = windows.Value;
        var grace = (await referenceData.PhasesAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.GracePeriodDays);
        var due = await gate.WaitingAsync(caller, new WaitingFor.CheckpointDueBy(today.AddDays(w.ReminderDays)), MaxPerKind, cancellationToken);
        return due.SelectMany(c => c.Checkpoints.Where(p => p.IsOpen).Select(p => (Case: c, Checkpoint: p, Alert: CheckpointClock.AlertOn(p, today, grace.GetValueOrDefault(c.PhaseId), w))))
            .Where(x => caller.Role == Role.Partner ? x.Alert is not null : x.Alert == AlertKind.Escalation)
            .Select(x => caller.Role == Role.Partner
                ? new WorkItem("submit-report", x.Case.Id, Start(x.Checkpoint.DueOn.AddDays(-w.ReminderDays)), x.Checkpoint.Id)
                : new WorkItem("overdue-report", x.Case.Id, Start(x.Checkpoint.DueOn.AddDays(grace.GetValueOrDefault(x.Case.PhaseId) + w.EscalationDays + 1)), x.Checkpoint.Id));
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset Since(Case @case, WaitingFor waitingFor) =>
        waitingFor is WaitingFor.PlanDecision ? @case.Plan?.SubmittedAt ?? @case.StatusChangedAt : @case.StatusChangedAt;
}
