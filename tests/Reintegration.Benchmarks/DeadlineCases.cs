using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Referrals;

namespace Reintegration.Benchmarks;

/// <summary>
/// The case population of the deadline benchmark, brought to its status through the real transitions
/// (refer, accept, assign, plan, approve, depart, arrive, start monitoring / withdraw).
/// The number of due cases is the same whatever the total, so only the number of cases that are not due grows.
/// </summary>
internal static class DeadlineCases
{
    public const int Reminders = 30;
    public const int Overdue = 10;
    public const int Escalations = 10;

    /// <summary>Cases with a checkpoint that calls for an alert today: the same at every size.</summary>
    public const int Due = Reminders + Overdue + Escalations;

    private const string PhaseId = "phase-4";
    private static readonly Caller Caseworker = new("bench-caseworker", Role.Caseworker, "org-ref-demo");
    private static readonly Caller Coordinator = new("bench-coordinator", Role.Coordinator, "org-coordination");
    private static readonly Caller Partner = new("bench-partner", Role.Partner, "partner-gh-1");

    /// <param name="total">All cases in the container.</param>
    /// <returns>Every case (due ones first) and how many there are of each kind.</returns>
    public static CasePopulation Build(int total, DateTimeOffset now, DateOnly today, ProgrammePhase phase, MonitoringWindows windows)
    {
        if (total < Due * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(total), $"At least {Due * 2} cases, so most of them are not due.");
        }
        var grace = phase.GracePeriodDays;
        var closed = total / 10;
        var cases = new List<Case>(total);
        var index = 0;

        // Due: the first checkpoint (one month after arrival) calls for a reminder, an overdue alert or an escalation today.
        for (var i = 0; i < Reminders; i++)
        {
            cases.Add(Monitored(index++, ArrivalForFirstDueOn(today.AddDays(1 + i % 6)), now, today, phase));
        }
        for (var i = 0; i < Overdue; i++)
        {
            cases.Add(Monitored(index++, ArrivalForFirstDueOn(today.AddDays(-(grace + 3 + i % 8))), now, today, phase));
        }
        for (var i = 0; i < Escalations; i++)
        {
            cases.Add(Monitored(index++, ArrivalForFirstDueOn(today.AddDays(-(grace + windows.EscalationDays + 3 + i % 10))), now, today, phase));
        }

        // Not due: arrived 0-19 days ago, so the first checkpoint is 9-31 days away and the others 3, 6 and 12 months after arrival.
        var notDue = total - Due - closed;
        for (var i = 0; i < notDue; i++)
        {
            cases.Add(Monitored(index++, today.AddDays(-(i % 20)), now, today, phase));
        }

        // Closed: withdrawn after arrival; nothing is due.
        for (var i = 0; i < closed; i++)
        {
            var @case = Arrived(index++, today.AddDays(-(i % 60)), now, today, phase);
            @case.Withdraw(Caseworker, now, "Moved on.");
            cases.Add(@case);
        }

        var population = new CasePopulation(cases, cases.Take(Due).ToList());
        population.Verify(today, grace, windows);
        return population;
    }

    /// <summary>An arrival day whose one-month checkpoint falls on or a few days before <paramref name="dueOn"/>.</summary>
    private static DateOnly ArrivalForFirstDueOn(DateOnly dueOn) => dueOn.AddMonths(-1);

    private static Case Monitored(int index, DateOnly arrivedOn, DateTimeOffset now, DateOnly today, ProgrammePhase phase)
    {
        var @case = Arrived(index, arrivedOn, now, today, phase);
        if (!@case.StartMonitoring(now, phase.MonitoringMonths))
        {
            throw new InvalidOperationException($"Case {@case.Id} did not start monitoring.");
        }
        return @case;
    }

    private static Case Arrived(int index, DateOnly arrivedOn, DateTimeOffset now, DateOnly today, ProgrammePhase phase)
    {
        var referredOn = today.AddDays(-200);
        // An id of the shape the app issues (a GUID), so the HTTP benchmark can use the cases through the API too.
        var @case = Case.Refer($"00000000-0000-4000-8000-{index:D12}", Caseworker, now, referredOn, Referral(referredOn), TargetGroup.AsylumProcedureExhausted, PhaseId);
        @case.Accept(Coordinator, now, null);
        @case.AssignPartner(Coordinator, now, Partner.OrganisationId);
        @case.DraftPlan(Caseworker, now, PlanDrafting.From(Plan, @case, phase.Budget));
        @case.SubmitPlan(Caseworker, now);
        @case.ApprovePlan(Coordinator, now, null);
        @case.Depart(Caseworker, now, arrivedOn.AddDays(-1));
        @case.ConfirmArrival(Partner, now, arrivedOn);
        return @case;
    }

    private static readonly PlanRequest Plan = new()
    {
        Goals = [new PlanGoalRequest { Area = "OwnBusiness", Description = "A tailoring shop." }],
        BudgetLines =
        [
            new BudgetLineRequest { Area = "OwnBusiness", Description = "Sewing machine", Amount = 1000m },
            new BudgetLineRequest { Area = "OwnBusiness", Description = "Fabric and tools", Amount = 500m },
        ],
        CashContribution = 200m,
    };

    private static ReferralRequest Referral(DateOnly referredOn) => new()
    {
        Person = new PersonDetails
        {
            GivenName = "Ama",
            FamilyName = "Mensah",
            DateOfBirth = new DateOnly(1990, 4, 2),
            Nationality = "GH",
            Contact = new ContactDetails { Phone = "+31 6 1234 5678", Email = "ama@example.org" },
        },
        CountryOfReturn = "GH",
        Category = nameof(TargetGroup.AsylumProcedureExhausted),
        FamilyMembers = [new FamilyMemberDetails { GivenName = "Kofi", FamilyName = "Mensah", DateOfBirth = new DateOnly(2018, 1, 5), Relationship = "Child" }],
        Vulnerabilities = [new VulnerabilityDetails { Kind = "Health", Description = "Needs regular medication." }],
        Consent = new ConsentDetails { SharingWithPartner = true, GivenOn = referredOn, Method = "SignedForm" },
    };
}

/// <param name="All">Every case, due ones first.</param>
/// <param name="Due">The cases with a checkpoint that calls for an alert today, as they were before any alert (to reset them).</param>
internal sealed record CasePopulation(IReadOnlyList<Case> All, IReadOnlyList<Case> Due)
{
    /// <summary>Checks the population is what the benchmark says it is: exactly the due cases call for alerts, of each kind as planned.</summary>
    public void Verify(DateOnly today, int graceDays, MonitoringWindows windows)
    {
        var kinds = All.Select(c => (Case: c, Kinds: c.Checkpoints
                .Select(cp => CheckpointClock.AlertOn(cp, today, graceDays, windows))
                .OfType<AlertKind>().ToList()))
            .ToList();
        var alerting = kinds.Where(k => k.Kinds.Count > 0).ToList();
        var dueIds = Due.Select(c => c.Id).ToHashSet();
        var byKind = alerting.SelectMany(k => k.Kinds).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        if (alerting.Count != Due.Count || !alerting.All(k => dueIds.Contains(k.Case.Id))
            || byKind.GetValueOrDefault(AlertKind.Reminder) != DeadlineCases.Reminders
            || byKind.GetValueOrDefault(AlertKind.Overdue) != DeadlineCases.Overdue
            || byKind.GetValueOrDefault(AlertKind.Escalation) != DeadlineCases.Escalations)
        {
            throw new InvalidOperationException(
                $"The population is not as planned: {alerting.Count} cases call for alerts ({string.Join(", ", byKind.Select(kv => $"{kv.Key} {kv.Value}"))}).");
        }
        var dueBy = today.AddDays(windows.ReminderDays);
        var matching = All.Count(c => c.Status == CaseStatus.Monitoring && c.NextDueOn <= dueBy);
        if (matching != Due.Count)
        {
            throw new InvalidOperationException($"{matching} cases have a checkpoint due by {dueBy}; expected {Due.Count}.");
        }
    }
}
