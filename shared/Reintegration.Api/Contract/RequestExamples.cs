using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.Core;
using Reintegration.Core.Cases;
using Reintegration.Core.DataProtection;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.Referrals;
using Reintegration.Core.Retention;
using Reintegration.Core.Spending;

namespace Reintegration.Api.Contract;

/// <summary>An example of each main request, made of the request records themselves so it cannot name a field they lack.</summary>
public static class RequestExamples
{
    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(ReferralRequest)] = new ReferralRequest
        {
            Person = new PersonDetails
            {
                GivenName = "Ama", FamilyName = "Mensah", DateOfBirth = new DateOnly(1990, 4, 2), Nationality = "GH",
                Contact = new ContactDetails { Phone = "+31 6 1234 5678" },
            },
            CountryOfReturn = "GH",
            Category = "AsylumProcedureExhausted",
            FamilyMembers = [new FamilyMemberDetails { GivenName = "Kofi", FamilyName = "Mensah", DateOfBirth = new DateOnly(2018, 1, 5), Relationship = "Child" }],
            Vulnerabilities = [new VulnerabilityDetails { Kind = "Health", Description = "Needs medication." }],
            Consent = new ConsentDetails { SharingWithPartner = true, GivenOn = new DateOnly(2026, 11, 20), Method = "SignedForm" },
        },
        [typeof(CaseActionRequest)] = new CaseActionRequest { PartnerId = "partner-gh-1" },
        [typeof(ConsentRequest)] = new ConsentRequest { Date = new DateOnly(2026, 11, 25), Method = "SignedForm", Reason = "Asked by phone." },
        [typeof(PlanRequest)] = new PlanRequest
        {
            Goals = [new PlanGoalRequest { Area = "OwnBusiness", Description = "A tailoring shop in Kumasi." }],
            BudgetLines = [new BudgetLineRequest { Area = "OwnBusiness", Description = "Sewing machine and fabric", Amount = 900m }],
            CashContribution = 300m,
        },
        [typeof(SpendingRequest)] = new SpendingRequest
        {
            BudgetLineId = "line-1", PaidOn = new DateOnly(2026, 11, 26), AmountPaid = 1500m, Currency = "GHS", ExchangeRate = 15m,
            AmountEur = 100m, Description = "Fabric",
        },
        [typeof(ReportRequest)] = new ReportRequest
        {
            ContactMade = true, ContactMethod = nameof(ContactMethod.InPerson), Housing = nameof(HousingSituation.Stable), Work = nameof(WorkStatus.SelfEmployed), IncomeCoversBasicNeeds = true, Health = nameof(HealthAccess.Good),
            FamilyTies = nameof(Core.Monitoring.FamilyTies.Strong), TakesPartInCommunity = true, Wellbeing = 4, FeelsSafe = true, WantsToStay = true, BudgetUseOnTrack = true,
            Narrative = "The shop opened last month.",
        },
        [typeof(ErasureRequest)] = new ErasureRequest { Reason = "Request of the person, article 17.", Scope = ErasureRequest.PersonalData },
    };

    public static JsonNode? For(Type request) =>
        Examples.TryGetValue(request, out var example) ? JsonSerializer.SerializeToNode(example, request, ProgrammeJson.Options) : null;
}
