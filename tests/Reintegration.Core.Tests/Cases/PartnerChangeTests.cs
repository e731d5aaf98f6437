using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Tests.Cases;

/// <summary>Another partner or another referring organisation takes over a case; plan actions name the missing plan.</summary>
public class PartnerChangeTests
{
    private static readonly DateTimeOffset Later = TestData.Now.AddHours(3);
    private static readonly Caller NewPartner = new("partner-user-2", Role.Partner, "partner-gh-2");

    private static SpendingRecord Spent(string id, decimal eur, string? organisation = null) => new()
    {
        Id = id, BudgetLineId = "line-1", SupportArea = SupportArea.OwnBusiness, PaidOn = CaseJourney.Today, AmountPaid = eur, Currency = "EUR",
        ExchangeRate = 1m, AmountEur = eur, Description = "Stock", Status = SpendingStatus.Pending, RecordedAt = TestData.Now,
        RecordedBy = "partner-user-1", RecordedByOrganisationId = organisation,
    };

    [Fact]
    public void The_old_partner_loses_the_case_and_the_new_one_gets_it_with_what_is_still_reserved()
    {
        var c = CaseJourney.In(CaseStatus.Arrived);
        c.RecordSpending(CaseJourney.Partner, Later, Spent("s-1", 300m, "partner-gh-1"));
        var reservedBefore = BudgetOverview.Of(c).Reserved;

        c.ReassignPartner(CaseJourney.Coordinator, Later, "partner-gh-2", "The first partner stopped work in the region.");

        Assert.Equal("partner-gh-2", c.PartnerId);
        Assert.False(CasePermissions.InScope(CaseJourney.Partner, c));
        Assert.True(CasePermissions.InScope(NewPartner, c));
        var budget = BudgetOverview.Of(c);
        Assert.Equal((reservedBefore, 300m, reservedBefore - 300m), (budget.Reserved, budget.Pending, budget.Remaining));
        Assert.Equal(("partner-user-1", "partner-gh-1"), (c.Spending.Single().RecordedBy, c.Spending.Single().RecordedByOrganisationId));
        var entry = c.Timeline[^1];
        Assert.Equal(("reassign-partner", CaseStatus.Arrived, CaseStatus.Arrived), (entry.Action, entry.From!.Value, entry.To));
        Assert.Contains("From partner-gh-1 to partner-gh-2", entry.Reason);
        Assert.Contains($"{reservedBefore - 300m:0.00} EUR still reserved moves to partner-gh-2", entry.Reason);
    }

    [Fact]
    public void Spending_recorded_before_organisations_were_kept_is_put_to_the_partner_that_leaves()
    {
        var c = CaseJourney.In(CaseStatus.Arrived);
        c.RecordSpending(CaseJourney.Partner, Later, Spent("s-1", 100m));
        c.ReassignPartner(CaseJourney.Coordinator, Later, "partner-gh-2", "Stopped work.");
        Assert.Equal("partner-gh-1", c.Spending.Single().RecordedByOrganisationId);
    }

    [Fact]
    public void Pending_alerts_go_to_the_new_partner_under_new_ids_and_sent_ones_stay_as_they_were()
    {
        var c = CaseJourney.In(CaseStatus.Arrived);
        c.StartMonitoring(TestData.Now, [1]);
        var windows = new MonitoringWindows();
        var reminderDay = CaseJourney.Today.AddMonths(1).AddDays(-3);
        c.RaiseAlerts(TestData.Now, reminderDay, 14, windows);
        var sent = c.PendingNotifications.Single();
        c.MarkSent([sent.MessageId], TestData.Now);
        c.RaiseAlerts(TestData.Now, reminderDay.AddDays(20), 14, windows);
        var pending = c.PendingNotifications.Single();
        Assert.Equal(("partner-gh-1", AlertKind.Overdue), (pending.PartnerId, pending.Kind));

        c.ReassignPartner(CaseJourney.Coordinator, Later, "partner-gh-2", "Stopped work.");

        var readdressed = c.PendingNotifications.Single(n => n.Kind == AlertKind.Overdue);
        Assert.Equal(("partner-gh-2", pending.CheckpointId, pending.Kind), (readdressed.PartnerId, readdressed.CheckpointId, readdressed.Kind));
        Assert.NotEqual(pending.MessageId, readdressed.MessageId);
        Assert.Equal("partner-gh-1", c.Outbox.Single(n => n.SentAt is not null && n.Kind == AlertKind.Reminder).PartnerId);
        // Each partner hears of the change: the one leaving stops, the one taking over prepares.
        Assert.Equal([(AlertKind.PartnerAssigned, "partner-gh-2"), (AlertKind.PartnerUnassigned, "partner-gh-1")],
            c.PendingNotifications.Where(n => n.Kind != AlertKind.Overdue).Select(n => (n.Kind, n.PartnerId!)).Order());
        Assert.True(c.HasPendingNotifications);
    }

    [Fact]
    public void Assigning_another_partner_before_the_plan_withdraws_the_first_ones_unsent_notice_and_hands_over_the_rest()
    {
        var c = CaseJourney.In(CaseStatus.Accepted);
        c.AssignPartner(CaseJourney.Coordinator, TestData.Now, "partner-gh-1");
        c.DraftPlan(CaseJourney.Caseworker, TestData.Now, PlanDrafting.From(CaseJourney.PlanOf(1000m), c, CaseJourney.Policy));
        c.SubmitPlan(CaseJourney.Caseworker, TestData.Now);
        // The caseworker revises the submitted plan: the first partner is told, but neither notice has gone out yet.
        c.DraftPlan(CaseJourney.Caseworker, Later, PlanDrafting.From(CaseJourney.PlanOf(900m), c, CaseJourney.Policy));
        Assert.Equal([AlertKind.PartnerAssigned, AlertKind.PlanReturned], c.PendingNotifications.Select(n => n.Kind).Order());

        c.AssignPartner(CaseJourney.Coordinator, Later, "partner-gh-2");

        Assert.Equal([(AlertKind.PartnerAssigned, "partner-gh-2"), (AlertKind.PartnerUnassigned, "partner-gh-1"), (AlertKind.PlanReturned, "partner-gh-2")],
            c.PendingNotifications.Select(n => (n.Kind, n.PartnerId!)).Order());
    }

    [Theory]
    [InlineData(CaseStatus.Referred)]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.Closed)]
    public void A_case_without_a_partner_or_closed_cannot_be_reassigned(CaseStatus status)
    {
        var c = CaseJourney.In(status);
        var partner = c.PartnerId;
        Assert.Throws<InvalidTransitionException>(() => c.ReassignPartner(CaseJourney.Coordinator, Later, "partner-gh-2", "x"));
        Assert.Equal(partner, c.PartnerId);
    }

    [Fact]
    public void Reassigning_to_the_same_partner_is_refused()
    {
        var c = CaseJourney.In(CaseStatus.PlanApproved);
        var refusal = Assert.Throws<RuleViolationException>(() => c.ReassignPartner(CaseJourney.Coordinator, Later, "partner-gh-1", "x"));
        Assert.Equal("partner-changes", Assert.Single(refusal.Failures).Rule);
    }

    [Fact]
    public void A_transfer_moves_the_case_to_the_other_referring_organisation_and_its_pending_escalations_with_it()
    {
        var c = CaseJourney.In(CaseStatus.Arrived);
        c.StartMonitoring(TestData.Now, [1]);
        c.RaiseAlerts(TestData.Now, CaseJourney.Today.AddMonths(1).AddDays(30), 14, new MonitoringWindows());
        var oldCaseworker = CaseJourney.Caseworker;
        var newCaseworker = new Caller("caseworker-9", Role.Caseworker, "org-ref-other");

        c.Transfer(CaseJourney.Coordinator, Later, "org-ref-other", "The person moved to another region.");

        Assert.Equal("org-ref-other", c.ReferringOrganisationId);
        Assert.False(CasePermissions.InScope(oldCaseworker, c));
        Assert.True(CasePermissions.InScope(newCaseworker, c));
        Assert.Equal("org-ref-other", c.PendingNotifications.Single().OrganisationId);
        var entry = c.Timeline[^1];
        Assert.Equal(("transfer", "coordinator-1", CaseStatus.Monitoring), (entry.Action, entry.ActorId, entry.To));
        Assert.Equal($"From {oldCaseworker.OrganisationId} to org-ref-other: The person moved to another region.", entry.Reason);
    }

    [Fact]
    public void A_closed_case_is_not_transferred()
    {
        var c = CaseJourney.In(CaseStatus.Closed);
        Assert.Throws<InvalidTransitionException>(() => c.Transfer(CaseJourney.Coordinator, Later, "org-ref-other", "x"));
        Assert.Equal(CaseJourney.Caseworker.OrganisationId, c.ReferringOrganisationId);
    }

    [Fact]
    public void Submitting_without_a_draft_and_approving_without_a_submission_name_the_missing_plan()
    {
        var assigned = CaseJourney.In(CaseStatus.PartnerAssigned);
        var noDraft = Assert.Throws<RuleViolationException>(() => assigned.SubmitPlan(CaseJourney.Partner, Later));
        Assert.Equal("draft-plan-required", Assert.Single(noDraft.Failures).Rule);

        var approved = CaseJourney.In(CaseStatus.PlanApproved);
        var noSubmission = Assert.Throws<RuleViolationException>(() => approved.ApprovePlan(CaseJourney.Coordinator, Later, null));
        Assert.Equal("submitted-plan-required", Assert.Single(noSubmission.Failures).Rule);
        Assert.Equal(CaseStatus.PlanApproved, approved.Status);
    }

    [Fact]
    public void The_partner_drafts_and_submits_and_its_actions_do_not_name_drafting()
    {
        var c = CaseJourney.In(CaseStatus.PartnerAssigned);
        Assert.True(CasePermissions.MayEditPlan(CaseJourney.Partner, c));
        c.DraftPlan(CaseJourney.Partner, Later, PlanDrafting.From(CaseJourney.PlanOf(1000m), c, CaseJourney.Policy));
        Assert.Equal([CaseAction.SubmitPlan], CasePermissions.AllowedActions(CaseJourney.Partner, c));
        c.SubmitPlan(CaseJourney.Partner, Later);
        c.ApprovePlan(CaseJourney.Coordinator, Later, null);
        Assert.Equal(("partner-user-1", "partner-user-1", "coordinator-1"), (c.ApprovedPlan!.DraftedBy, c.ApprovedPlan.SubmittedBy, c.ApprovedPlan.ApprovedBy));
        Assert.DoesNotContain(CaseAction.DraftPlan, CasePermissions.AllowedActions(CaseJourney.Coordinator, c));
        Assert.True(CasePermissions.MayEditPlan(CaseJourney.Coordinator, c));
        Assert.False(CasePermissions.MayEditPlan(new Caller("dpo-1", Role.Dpo, "org-coordination"), c));
    }
}
