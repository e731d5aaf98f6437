using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Referrals;

namespace Reintegration.Core.Tests.Cases;

/// <summary>Brings a case to any status through its real transitions.</summary>
internal static class CaseJourney
{
    public static readonly Caller Caseworker = TestData.Caseworker();
    public static readonly Caller Coordinator = new("coordinator-1", Role.Coordinator, "org-coordination");
    public static readonly Caller Partner = new("partner-user-1", Role.Partner, "partner-gh-1");
    public static readonly DateOnly Today = new(2026, 3, 10);

    public static BudgetPolicy Policy => TestData.Reference().Phases.Single(p => p.Id == "phase-4").Budget;

    public static Case Referred(string id = "case-1") =>
        Case.Refer(id, Caseworker, TestData.Now, Today, TestData.ValidReferral(), TargetGroup.AsylumProcedureExhausted, "phase-4");

    public static PlanRequest PlanOf(params decimal[] amounts) => new()
    {
        Goals = [new PlanGoalRequest { Area = "OwnBusiness", Description = "A tailoring shop." }],
        BudgetLines = amounts.Select(a => new BudgetLineRequest { Area = "OwnBusiness", Description = "Sewing machine", Amount = a }).ToList(),
        CashContribution = 200m,
    };

    public static Case In(CaseStatus status, string id = "case-1")
    {
        var c = Referred(id);
        var now = TestData.Now;
        if (status == CaseStatus.Referred) return c;
        if (status == CaseStatus.Rejected) { c.Reject(Coordinator, now, "Not eligible after review."); return c; }
        c.Accept(Coordinator, now, null);
        if (status == CaseStatus.Accepted) return c;
        c.AssignPartner(Coordinator, now, "partner-gh-1");
        // Delivery sends the partner its notices (assignment, approval, departure): the journey goes on with an empty outbox.
        Delivered(c);
        if (status == CaseStatus.PartnerAssigned) return c;
        c.DraftPlan(Caseworker, now, PlanDrafting.From(PlanOf(1000m, 500m), c, Policy));
        c.SubmitPlan(Caseworker, now);
        if (status == CaseStatus.PlanSubmitted) return c;
        c.ApprovePlan(Coordinator, now, null);
        Delivered(c);
        if (status == CaseStatus.PlanApproved) return c;
        c.Depart(Caseworker, now, Today);
        Delivered(c);
        if (status == CaseStatus.Departed) return c;
        c.ConfirmArrival(Partner, now, Today);
        if (status == CaseStatus.Arrived) return c;
        if (status == CaseStatus.Closed) { c.Withdraw(Caseworker, now, "Moved on."); return c; }
        throw new ArgumentOutOfRangeException(nameof(status), "Monitoring is reached through checkpoint scheduling.");
    }

    private static void Delivered(Case c) => c.MarkSent(c.PendingNotifications.Select(n => n.MessageId).ToList(), TestData.Now);
}
