using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Referrals;
using Reintegration.Core.Spending;

namespace Reintegration.Azure.Tests.Support;

/// <summary>
/// Cases built through their real transitions (copied in small from Reintegration.Core.Tests: TestData and CaseJourney),
/// with the id, time, organisation, country and partner each test needs.
/// </summary>
internal static class TestCases
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 3, 10);
    public const string ReferringOrganisation = "org-ref-demo";
    public const string PartnerOrganisation = "partner-gh-1";

    public static readonly Caller Coordinator = new("coordinator-1", Role.Coordinator, "org-coordination");
    public static readonly Caller Partner = new("partner-user-1", Role.Partner, PartnerOrganisation);

    public static Caller Caseworker(string organisation = ReferringOrganisation) => new("user-1", Role.Caseworker, organisation);

    public static BudgetPolicy Policy => ReferenceDataSeed.Load().Phases.Single(p => p.Id == "phase-4").Budget;

    public static string NewId() => Guid.NewGuid().ToString("D");

    public static ReferralRequest ValidReferral(string country = "GH") => new()
    {
        Person = new PersonDetails
        {
            GivenName = "Ama",
            FamilyName = "Mensah",
            DateOfBirth = new DateOnly(1990, 4, 2),
            Nationality = "GH",
            Contact = new ContactDetails { Phone = "+31 6 1234 5678", Email = "ama@example.org", Address = "Dorpsstraat 1, Utrecht" },
        },
        CountryOfReturn = country,
        Category = nameof(TargetGroup.AsylumProcedureExhausted),
        FamilyMembers = [new FamilyMemberDetails { GivenName = "Kofi", FamilyName = "Mensah", DateOfBirth = new DateOnly(2018, 1, 5), Relationship = "Child" }],
        Vulnerabilities = [new VulnerabilityDetails { Kind = "Health", Description = "Needs regular medication." }],
        Consent = new ConsentDetails { SharingWithPartner = true, GivenOn = new DateOnly(2026, 3, 1), Method = "SignedForm" },
    };

    public static Case Referred(string? id = null, DateTimeOffset? at = null, string organisation = ReferringOrganisation, string country = "GH") =>
        Case.Refer(id ?? NewId(), Caseworker(organisation), at ?? Now, Today, ValidReferral(country), TargetGroup.AsylumProcedureExhausted, "phase-4");

    public static PlanRequest PlanOf(params decimal[] amounts) => new()
    {
        Goals = [new PlanGoalRequest { Area = "OwnBusiness", Description = "A tailoring shop." }],
        BudgetLines = amounts.Select(a => new BudgetLineRequest { Area = "OwnBusiness", Description = "Sewing machine", Amount = a }).ToList(),
        CashContribution = 150.50m,
    };

    public static Case Accepted(Case c, DateTimeOffset? at = null)
    {
        c.Accept(Coordinator, at ?? c.ReferredAt, null);
        return c;
    }

    public static Case AssignedTo(Case c, string partnerId, DateTimeOffset? at = null)
    {
        Accepted(c, at);
        c.AssignPartner(Coordinator, at ?? c.ReferredAt, partnerId);
        return c;
    }

    public static Case WithSubmittedPlan(Case c, DateTimeOffset submittedAt, string partnerId = PartnerOrganisation)
    {
        AssignedTo(c, partnerId, c.ReferredAt);
        c.DraftPlan(Caseworker(c.ReferringOrganisationId), submittedAt, PlanDrafting.From(PlanOf(1000.25m, 499.75m), c, Policy));
        c.SubmitPlan(Caseworker(c.ReferringOrganisationId), submittedAt);
        return c;
    }

    /// <summary>
    /// A case with as much in it as a case can have: family, vulnerabilities, consent, an approved plan with decimal
    /// amounts, departure and arrival dates, a spending record, the cash contribution, and a long timeline.
    /// </summary>
    public static Case Full(string? id = null)
    {
        var c = WithSubmittedPlan(Referred(id), Now.AddHours(1));
        c.ApprovePlan(Coordinator, Now.AddHours(2), null);
        c.Depart(Caseworker(), Now.AddDays(3), Today.AddDays(3));
        c.ConfirmArrival(Partner, Now.AddDays(4), Today.AddDays(4));
        var line = c.ApprovedPlan!.BudgetLines[0];
        c.RecordSpending(Partner, Now.AddDays(5), new SpendingRecord
        {
            Id = "spending-1",
            BudgetLineId = line.Id,
            SupportArea = line.Area,
            PaidOn = Today.AddDays(5),
            AmountPaid = 1234.56m,
            Currency = "GHS",
            ExchangeRate = 12.3456m,
            AmountEur = 100.01m,
            Description = "Sewing machine, deposit",
            Status = SpendingStatus.Pending,
            RecordedAt = Now.AddDays(5),
            RecordedBy = Partner.UserId,
        });
        c.RecordCashPayment(Caseworker(), Now.AddDays(6), Today.AddDays(6), "document-proof-1");
        return c;
    }
}
