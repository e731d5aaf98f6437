using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Plans;

namespace Reintegration.Core.Tests.Cases;

public class CaseTransitionTests
{
    private static readonly DateTimeOffset Later = TestData.Now.AddHours(3);

    [Fact]
    public void The_whole_journey_records_every_step_with_who_when_and_from_to()
    {
        var c = CaseJourney.In(CaseStatus.Arrived);
        c.StartMonitoring(Later, [1, 12]);
        c.SubmitReport(CaseJourney.Partner, Later, CaseJourney.Today, "m1", Monitoring.Reports.Sample());
        c.SubmitReport(CaseJourney.Partner, Later, CaseJourney.Today, "m12", Monitoring.Reports.Sample());
        c.Close(CaseJourney.Coordinator, Later, CaseOutcome.Completed, "All checkpoints done.");

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(CaseOutcome.Completed, c.Outcome);
        Assert.Equal(
            ["refer", "accept", "assign-partner", "draft-plan", "submit-plan", "approve-plan", "depart", "confirm-arrival",
             "start-monitoring", "submit-report", "submit-report", "close"],
            c.Timeline.Select(t => t.Action));
        var last = c.Timeline[^1];
        Assert.Equal((CaseStatus.Monitoring, CaseStatus.Closed), (last.From!.Value, last.To));
        Assert.Equal(("coordinator-1", "coordinator", "org-coordination"), (last.ActorId, last.ActorRole, last.ActorOrganisationId));
        Assert.Equal(Later, last.At);
        Assert.Contains("All checkpoints done.", last.Reason);
    }

    public static TheoryData<CaseStatus, CaseAction> NotAllowed => new()
    {
        { CaseStatus.Referred, CaseAction.Depart },
        { CaseStatus.Referred, CaseAction.AssignPartner },
        { CaseStatus.Accepted, CaseAction.Accept },
        { CaseStatus.PartnerAssigned, CaseAction.ApprovePlan },
        { CaseStatus.PlanSubmitted, CaseAction.Depart },
        { CaseStatus.PlanApproved, CaseAction.ConfirmArrival },
        { CaseStatus.Departed, CaseAction.Depart },
        { CaseStatus.Closed, CaseAction.Withdraw },
        { CaseStatus.Closed, CaseAction.Close },
        { CaseStatus.Rejected, CaseAction.Accept },
    };

    [Theory]
    [MemberData(nameof(NotAllowed))]
    public void An_action_not_allowed_now_is_refused_naming_the_status_and_changes_nothing(CaseStatus status, CaseAction action)
    {
        var c = CaseJourney.In(status);
        var timeline = c.Timeline.Count;

        var refusal = Assert.Throws<InvalidTransitionException>(() => Act(c, action));

        Assert.Equal(status.ToString(), refusal.CurrentStatus);
        Assert.Equal(status, c.Status);
        Assert.Equal(timeline, c.Timeline.Count);
    }

    [Fact]
    public void The_refusal_lists_what_the_actor_may_do_instead()
    {
        var refusal = Assert.Throws<InvalidTransitionException>(() =>
            CaseJourney.In(CaseStatus.Referred).Depart(CaseJourney.Coordinator, Later, CaseJourney.Today));
        Assert.Equal(["accept", "reject", "withdraw", "close", "transfer"], refusal.AllowedActions);
    }

    [Theory]
    [InlineData(CaseStatus.Referred)]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.PartnerAssigned)]
    [InlineData(CaseStatus.PlanSubmitted)]
    [InlineData(CaseStatus.PlanApproved)]
    [InlineData(CaseStatus.Departed)]
    [InlineData(CaseStatus.Arrived)]
    public void Withdrawal_and_closure_are_possible_from_every_open_status(CaseStatus status)
    {
        var withdrawn = CaseJourney.In(status);
        withdrawn.Withdraw(CaseJourney.Caseworker, Later, "Changed their mind.");
        Assert.Equal((CaseStatus.Closed, CaseOutcome.Withdrew), (withdrawn.Status, withdrawn.Outcome!.Value));

        var closed = CaseJourney.In(status);
        closed.Close(CaseJourney.Coordinator, Later, CaseOutcome.ContactLost, "No answer for months.");
        Assert.Equal((CaseStatus.Closed, CaseOutcome.ContactLost), (closed.Status, closed.Outcome!.Value));
    }

    [Fact]
    public void Completed_needs_an_arrival_and_did_not_depart_needs_no_departure()
    {
        Assert.Throws<RuleViolationException>(() =>
            CaseJourney.In(CaseStatus.PlanApproved).Close(CaseJourney.Coordinator, Later, CaseOutcome.Completed, "x"));
        Assert.Throws<RuleViolationException>(() =>
            CaseJourney.In(CaseStatus.Departed).Close(CaseJourney.Coordinator, Later, CaseOutcome.DidNotDepart, "x"));
        var c = CaseJourney.In(CaseStatus.PlanApproved);
        c.Close(CaseJourney.Coordinator, Later, CaseOutcome.DidNotDepart, "Stayed.");
        Assert.Equal(CaseOutcome.DidNotDepart, c.Outcome);
    }

    [Fact]
    public void Arrival_before_departure_is_refused()
    {
        var c = CaseJourney.In(CaseStatus.Departed);
        Assert.Throws<RuleViolationException>(() => c.ConfirmArrival(CaseJourney.Partner, Later, CaseJourney.Today.AddDays(-1)));
        Assert.Equal(CaseStatus.Departed, c.Status);
    }

    [Fact]
    public void A_plan_above_policy_needs_a_reason_to_be_approved()
    {
        var c = CaseJourney.In(CaseStatus.PartnerAssigned);
        c.DraftPlan(CaseJourney.Caseworker, Later, PlanDrafting.From(CaseJourney.PlanOf(9000m), c, CaseJourney.Policy));
        c.SubmitPlan(CaseJourney.Caseworker, Later);

        var refusal = Assert.Throws<RuleViolationException>(() => c.ApprovePlan(CaseJourney.Coordinator, Later, null));
        Assert.Equal("approval-reason-required", Assert.Single(refusal.Failures).Rule);
        Assert.Null(c.ApprovedPlan);

        c.ApprovePlan(CaseJourney.Coordinator, Later, "Medical equipment for a disabled child.");
        Assert.Equal(9000m, c.ApprovedPlan!.InKindTotal);
        Assert.Equal(CaseStatus.PlanApproved, c.Status);
    }

    [Fact]
    public void A_revision_after_approval_keeps_the_approved_plan_reserved_until_it_is_approved_itself()
    {
        var c = CaseJourney.In(CaseStatus.Departed);
        var approved = c.ApprovedPlan;

        c.DraftPlan(CaseJourney.Caseworker, Later, PlanDrafting.From(CaseJourney.PlanOf(1000m, 900m), c, CaseJourney.Policy));
        c.SubmitPlan(CaseJourney.Caseworker, Later);
        Assert.Equal(CaseStatus.Departed, c.Status);
        Assert.Same(approved, c.ApprovedPlan);

        c.ApprovePlan(CaseJourney.Coordinator, Later, null);
        Assert.Equal((2, 1900m), (c.ApprovedPlan!.Version, c.ApprovedPlan.InKindTotal));
        Assert.Equal(CaseStatus.Departed, c.Status);
    }

    [Fact]
    public void Submitting_needs_a_draft()
    {
        var c = CaseJourney.In(CaseStatus.PlanApproved);
        Assert.False(c.Allows(CaseAction.SubmitPlan));
        var refusal = Assert.Throws<RuleViolationException>(() => c.SubmitPlan(CaseJourney.Caseworker, Later));
        Assert.Equal("draft-plan-required", Assert.Single(refusal.Failures).Rule);
    }

    private static void Act(Case c, CaseAction action)
    {
        var now = Later;
        switch (action)
        {
            case CaseAction.Accept: c.Accept(CaseJourney.Coordinator, now, null); break;
            case CaseAction.Reject: c.Reject(CaseJourney.Coordinator, now, "r"); break;
            case CaseAction.AssignPartner: c.AssignPartner(CaseJourney.Coordinator, now, "partner-gh-1"); break;
            case CaseAction.SubmitPlan: c.SubmitPlan(CaseJourney.Caseworker, now); break;
            case CaseAction.ApprovePlan: c.ApprovePlan(CaseJourney.Coordinator, now, "r"); break;
            case CaseAction.Depart: c.Depart(CaseJourney.Caseworker, now, CaseJourney.Today); break;
            case CaseAction.ConfirmArrival: c.ConfirmArrival(CaseJourney.Partner, now, CaseJourney.Today); break;
            case CaseAction.Withdraw: c.Withdraw(CaseJourney.Caseworker, now, "r"); break;
            case CaseAction.Close: c.Close(CaseJourney.Coordinator, now, CaseOutcome.Other, "r"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
