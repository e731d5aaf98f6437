using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Plans;

namespace Reintegration.Core.Cases;

/// <summary>The case's transitions: each checks its guards and writes one timeline entry.</summary>
public sealed partial class Case
{
    /// <summary>Whether the action is possible now, by status and by the state of the plan.</summary>
    public bool Allows(CaseAction action) => CaseWorkflow.StartsFrom(action, Status) && action switch
    {
        CaseAction.SubmitPlan => Plan is { Status: PlanStatus.Draft },
        CaseAction.ApprovePlan => Plan is { Status: PlanStatus.Submitted },
        _ => true,
    };

    public void Accept(Caller coordinator, DateTimeOffset now, string? reason) =>
        Move(CaseAction.Accept, coordinator, now, CaseStatus.Accepted, reason);

    public void Reject(Caller coordinator, DateTimeOffset now, string reason)
    {
        Move(CaseAction.Reject, coordinator, now, CaseStatus.Rejected, reason);
        Outcome = CaseOutcome.Other;
    }

    public void AssignPartner(Caller actor, DateTimeOffset now, string partnerId)
    {
        Move(CaseAction.AssignPartner, actor, now, CaseStatus.PartnerAssigned, $"Partner {partnerId}");
        var from = PartnerId;
        PartnerId = partnerId;
        HandOverNotices(from, partnerId);
        OnPartnerChanged(from, partnerId, actor, now);
    }

    public void DraftPlan(Caller actor, DateTimeOffset now, ReintegrationPlan draft)
    {
        // A submitted plan that is edited goes back to draft; after approval the status stays and a revision is drafted.
        var returned = Plan is { Status: PlanStatus.Submitted };
        var to = Status == CaseStatus.PlanSubmitted ? CaseStatus.PartnerAssigned : Status;
        Move(CaseAction.DraftPlan, actor, now, to, null);
        Plan = draft with { Version = NextPlanVersion, Status = PlanStatus.Draft, DraftedBy = actor.UserId };
        if (returned && actor.Role != Role.Partner)
        {
            // A submitted plan edited by someone else goes back to draft: the partner waits for the revision.
            NotifyPlanReturned(now);
        }
    }

    public void SubmitPlan(Caller actor, DateTimeOffset now)
    {
        var to = Status == CaseStatus.PartnerAssigned ? CaseStatus.PlanSubmitted : Status;
        Move(CaseAction.SubmitPlan, actor, now, to, null);
        Plan = Plan! with { Status = PlanStatus.Submitted, SubmittedAt = now, SubmittedBy = actor.UserId };
    }

    /// <summary>Approval reserves the plan's budget lines. Above the policy, only with a reason.</summary>
    public void ApprovePlan(Caller coordinator, DateTimeOffset now, string? reason)
    {
        if (Allows(CaseAction.ApprovePlan) && (Plan!.DraftedBy == coordinator.UserId || Plan.SubmittedBy == coordinator.UserId))
        {
            throw new SeparationOfDutiesException(
                "A plan is approved by a coordinator who neither drafted nor submitted this version: ask another coordinator.");
        }
        if (Allows(CaseAction.ApprovePlan) && !Plan!.Assessment.WithinPolicy && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("A plan above the budget policy needs a reason to be approved.",
                [new RuleFailure("approval-reason-required",
                    $"The in-kind total {Plan.InKindTotal:0.00} EUR is above the household allowance " +
                    $"{Plan.Assessment.HouseholdAllowance:0.00} EUR or the ceiling {Plan.Assessment.ApprovalCeiling:0.00} EUR, " +
                    "or the cash contribution is above the policy's.")]);
        }
        if (Allows(CaseAction.ApprovePlan))
        {
            GuardSpendingStaysCovered(Plan!);
        }
        var to = Status == CaseStatus.PlanSubmitted ? CaseStatus.PlanApproved : Status;
        Move(CaseAction.ApprovePlan, coordinator, now, to, reason);
        Plan = Plan! with { Status = PlanStatus.Approved, ApprovedAt = now, ApprovedBy = coordinator.UserId, ApprovalReason = reason };
        ApprovedPlan = Plan;
        NotifyPlanApproved(now);
    }

    public void Depart(Caller actor, DateTimeOffset now, DateOnly departedOn)
    {
        if (Allows(CaseAction.Depart) && departedOn < ReferredOn)
        {
            throw new RuleViolationException("The departure date is before the referral.",
                [new RuleFailure("departure-date", "A departure cannot be dated before the case was referred.")]);
        }
        Move(CaseAction.Depart, actor, now, CaseStatus.Departed, null);
        DepartedOn = departedOn;
        NotifyDeparted(now);
    }

    public void ConfirmArrival(Caller partner, DateTimeOffset now, DateOnly arrivedOn)
    {
        if (Allows(CaseAction.ConfirmArrival) && arrivedOn < DepartedOn)
        {
            throw new RuleViolationException("The arrival date is before the departure.",
                [new RuleFailure("arrival-date", "An arrival cannot be dated before the departure.")]);
        }
        Move(CaseAction.ConfirmArrival, partner, now, CaseStatus.Arrived, null);
        ArrivedOn = arrivedOn;
    }

    public void Withdraw(Caller actor, DateTimeOffset now, string reason)
    {
        Move(CaseAction.Withdraw, actor, now, CaseStatus.Closed, reason);
        Outcome = CaseOutcome.Withdrew;
    }

    public void Close(Caller actor, DateTimeOffset now, CaseOutcome outcome, string reason)
    {
        if (Allows(CaseAction.Close))
        {
            GuardOutcome(outcome);
        }
        Move(CaseAction.Close, actor, now, CaseStatus.Closed, $"{outcome}: {reason}");
        Outcome = outcome;
    }

    private void GuardOutcome(CaseOutcome outcome)
    {
        var departed = Status is CaseStatus.Departed or CaseStatus.Arrived or CaseStatus.Monitoring;
        if (outcome == CaseOutcome.Completed && !MonitoringComplete)
        {
            throw new RuleViolationException("A case is completed after its last monitoring checkpoint.",
                [new RuleFailure("outcome", "Completed needs every checkpoint reported on or waived.")]);
        }
        if (outcome == CaseOutcome.DidNotDepart && departed)
        {
            throw new RuleViolationException("This returnee departed.",
                [new RuleFailure("outcome", "DidNotDepart is only for cases closed before departure.")]);
        }
    }

    /// <summary>A revision may not take away what was already spent (or is pending) on a line.</summary>
    private void GuardSpendingStaysCovered(ReintegrationPlan revision)
    {
        var uncovered = Spending.LinesNotCoveredBy(revision);
        if (uncovered.Count > 0)
        {
            throw new RuleViolationException("The revision reserves less than was already spent.",
                [new RuleFailure("budget-line-exceeded", $"Lines {string.Join(", ", uncovered)} would be below their spending.")]);
        }
    }

    private int NextPlanVersion => Math.Max(Plan?.Version ?? 0, ApprovedPlan?.Version ?? 0) + 1;

    private void Move(CaseAction action, Caller actor, DateTimeOffset now, CaseStatus to, string? reason)
    {
        if (CaseWorkflow.StartsFrom(action, Status))
        {
            EnsurePlanReadyFor(action);
        }
        if (!Allows(action))
        {
            throw new InvalidTransitionException(CaseWorkflow.Name(action), Status.ToString(),
                Gate.CasePermissions.AllowedActions(actor, this).Select(CaseWorkflow.Name).ToList());
        }
        Timeline.Add(CaseWorkflow.Name(action), actor, now, Status, to, reason);
        if (Status != to)
        {
            StatusChangedAt = now;
        }
        if (to == CaseStatus.Closed)
        {
            // A closed case is not monitored any more: nothing is due (NextDueOn), and undelivered alerts are dropped.
            Outbox.DropPending();
        }
        if (to is CaseStatus.Closed or CaseStatus.Rejected)
        {
            StartRetention(now);
        }
        Status = to;
    }
}
