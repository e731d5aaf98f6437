using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.DataProtection;
using Reintegration.Core.Errors;
using Reintegration.Core.Referrals;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Tests.Cases;

public class DataProtectionRulesTests
{
    private static readonly Caller OtherCoordinator = new("coordinator-2", Role.Coordinator, "org-coordination");

    [Fact]
    public void A_coordinator_who_drafted_or_submitted_a_plan_version_cannot_approve_it()
    {
        var drafted = CaseJourney.In(CaseStatus.PartnerAssigned);
        drafted.DraftPlan(CaseJourney.Coordinator, TestData.Now, Core.Plans.PlanDrafting.From(CaseJourney.PlanOf(1000m), drafted, CaseJourney.Policy));
        drafted.SubmitPlan(CaseJourney.Caseworker, TestData.Now);
        Assert.Throws<SeparationOfDutiesException>(() => drafted.ApprovePlan(CaseJourney.Coordinator, TestData.Now, null));

        var submitted = CaseJourney.In(CaseStatus.PartnerAssigned);
        submitted.DraftPlan(CaseJourney.Caseworker, TestData.Now, Core.Plans.PlanDrafting.From(CaseJourney.PlanOf(1000m), submitted, CaseJourney.Policy));
        submitted.SubmitPlan(CaseJourney.Coordinator, TestData.Now);
        Assert.Throws<SeparationOfDutiesException>(() => submitted.ApprovePlan(CaseJourney.Coordinator, TestData.Now, null));

        submitted.ApprovePlan(OtherCoordinator, TestData.Now, null);
        Assert.Equal(CaseStatus.PlanApproved, submitted.Status);
    }

    [Fact]
    public void One_receipt_proves_one_spending()
    {
        var arrived = CaseJourney.In(CaseStatus.Arrived);
        var line = arrived.ApprovedPlan!.BudgetLines[0].Id;
        var receipt = Guid.NewGuid().ToString("D");
        arrived.RecordSpending(CaseJourney.Partner, TestData.Now, Spending(line, 100m, receipt));

        var reused = Assert.Throws<RuleViolationException>(() => arrived.RecordSpending(CaseJourney.Partner, TestData.Now, Spending(line, 50m, receipt)));
        Assert.Equal("receipt-already-used", reused.Failures.Single().Rule);

        var pending = arrived.RecordSpending(CaseJourney.Partner, TestData.Now, Spending(line, 50m, null));
        Assert.Throws<RuleViolationException>(() => arrived.AttachReceipt(CaseJourney.Partner, TestData.Now, pending.Id, receipt));
        Assert.Single(arrived.Spending, s => s.ReceiptDocumentId == receipt);
    }

    [Fact]
    public void The_caseworker_corrects_the_person_before_departure_and_the_timeline_names_fields_not_values()
    {
        var accepted = CaseJourney.In(CaseStatus.Accepted);

        var changed = accepted.Rectify(CaseJourney.Caseworker, TestData.Now, new PersonCorrection { FamilyName = "Mensah-Owusu", Contact = new ContactDetails { Phone = "+233 20 123 4567" } });

        Assert.Equal(["familyName", "contact.phone"], changed);
        Assert.Equal("Mensah-Owusu", accepted.Person.FamilyName);
        Assert.Equal("ama@example.org", accepted.Person.Contact.Email);
        var entry = accepted.Timeline.Last();
        Assert.Equal(("rectify-person", "user-1"), (entry.Action, entry.ActorId));
        Assert.DoesNotContain("Owusu", entry.Reason);
        Assert.DoesNotContain("233", entry.Reason);
    }

    [Fact]
    public void After_arrival_the_partner_keeps_phone_and_address_current_and_nothing_else()
    {
        var arrived = CaseJourney.In(CaseStatus.Arrived);

        arrived.Rectify(CaseJourney.Partner, TestData.Now, new PersonCorrection { Contact = new ContactDetails { Address = "Accra, Osu" } });
        Assert.Equal("Accra, Osu", arrived.Person.Contact.Address);

        Assert.Throws<ForbiddenException>(() => arrived.Rectify(CaseJourney.Partner, TestData.Now, new PersonCorrection { GivenName = "X" }));
        Assert.Throws<ConflictException>(() => arrived.Rectify(CaseJourney.Caseworker, TestData.Now, new PersonCorrection { GivenName = "X" }));
        Assert.Throws<ConflictException>(() => CaseJourney.In(CaseStatus.Accepted)
            .Rectify(CaseJourney.Partner, TestData.Now, new PersonCorrection { Contact = new ContactDetails { Phone = "+233 20 000 0000" } }));
    }

    [Fact]
    public void Monitoring_alerts_pause_while_consent_is_withdrawn()
    {
        var arrived = CaseJourney.In(CaseStatus.Arrived);
        arrived.StartMonitoring(TestData.Now, [1]);
        arrived.WithdrawConsent(CaseJourney.Caseworker, TestData.Now, CaseJourney.Today, "Verbal", "Asked to stop sharing.");

        var raised = arrived.RaiseAlerts(TestData.Now, CaseJourney.Today.AddMonths(2), 14, new Core.Monitoring.MonitoringWindows());

        Assert.Equal(0, raised);
        Assert.False(arrived.SharedWithPartner);
    }

    private static SpendingRecord Spending(string line, decimal eur, string? receipt) => new()
    {
        Id = Guid.NewGuid().ToString("D"), BudgetLineId = line, SupportArea = default, PaidOn = CaseJourney.Today, AmountPaid = eur,
        Currency = "EUR", ExchangeRate = 1m, AmountEur = eur, Description = "Sewing machine", ReceiptDocumentId = receipt,
        Status = receipt is null ? SpendingStatus.Pending : SpendingStatus.Proven, RecordedAt = TestData.Now, RecordedBy = "partner-user-1",
    };
}
