using System.Text.Json;
using Reintegration.Core.Cases;
using Reintegration.Core.Tests.Cases;

namespace Reintegration.Core.Tests.Retention;

/// <summary>What anonymisation removes and what it keeps for statistics.</summary>
public class AnonymisationTests
{
    private static readonly Anonymisation ByRetention =
        new(TestData.Now.AddYears(2), ErasureReason.Retention, Case.SystemActor, Case.SystemActor, Case.SystemActor, null);

    private static Case Closed()
    {
        var c = CaseJourney.In(CaseStatus.Arrived, Guid.NewGuid().ToString("D"));
        c.Close(CaseJourney.Caseworker, TestData.Now, CaseOutcome.ContactLost, "Ama moved to Kumasi and changed her number.");
        return c;
    }

    [Fact]
    public void Names_contact_exact_birth_dates_and_free_text_go_and_what_statistics_need_stays()
    {
        var c = Closed();
        var before = JsonSerializer.Deserialize<Case>(JsonSerializer.Serialize(c, ProgrammeJson.Options), ProgrammeJson.Options)!;

        Assert.True(c.Anonymise(ByRetention));

        Assert.Equal(("", "", new DateOnly(1990, 1, 1), "GH"), (c.Person.GivenName, c.Person.FamilyName, c.Person.DateOfBirth, c.Person.Nationality));
        Assert.Equal(new Contact(), c.Person.Contact);
        var child = Assert.Single(c.FamilyMembers);
        Assert.Equal(("", "", new DateOnly(2018, 1, 1), "Child"), (child.GivenName, child.FamilyName, child.DateOfBirth, child.Relationship));
        Assert.Equal(("Health", null), (c.Vulnerabilities[0].Kind, c.Vulnerabilities[0].Description));
        Assert.All(c.ApprovedPlan!.Goals, g => Assert.Equal("", g.Description));
        Assert.All(c.ApprovedPlan.BudgetLines, l => Assert.Equal("", l.Description));
        Assert.Equal(before.ApprovedPlan!.BudgetLines.Select(l => (l.Area, l.Amount)), c.ApprovedPlan.BudgetLines.Select(l => (l.Area, l.Amount)));
        Assert.DoesNotContain(c.Timeline.Take(before.Timeline.Count), t => t.Reason is not null);
        Assert.Equal(before.Timeline.Select(t => (t.At, t.Action, t.ActorId, t.From, t.To)), c.Timeline.Select(t => (t.At, t.Action, t.ActorId, t.From, t.To)));
        Assert.Equal((before.CountryOfReturn, before.Category, before.PhaseId, before.ReferredOn, before.DepartedOn, before.ArrivedOn, before.EndedOn, before.Outcome, before.Status),
            (c.CountryOfReturn, c.Category, c.PhaseId, c.ReferredOn, c.DepartedOn, c.ArrivedOn, c.EndedOn, c.Outcome, c.Status));
        Assert.Equal(before.Consent.Method, c.Consent.Method);
        Assert.Equal(ByRetention, c.Anonymisation);
        Assert.Equal("", c.Person.Initials);
    }

    [Fact]
    public void Anonymising_twice_keeps_the_first_record_and_changes_nothing()
    {
        var c = Closed();
        c.Anonymise(ByRetention);
        var once = JsonSerializer.Serialize(c, ProgrammeJson.Options);

        Assert.False(c.Anonymise(ByRetention with { At = ByRetention.At.AddDays(1), Why = ErasureReason.ErasureRequest }));

        Assert.Equal(once, JsonSerializer.Serialize(c, ProgrammeJson.Options));
    }

    [Fact]
    public void Closing_and_rejecting_start_retention_on_the_day_the_case_ended()
    {
        var rejected = CaseJourney.In(CaseStatus.Rejected);
        var open = CaseJourney.In(CaseStatus.Arrived);

        Assert.Equal((new DateOnly(2026, 3, 10), RetentionStage.PersonalData), (Closed().EndedOn, Closed().RetentionStage));
        Assert.Equal((new DateOnly(2026, 3, 10), RetentionStage.PersonalData), (rejected.EndedOn, rejected.RetentionStage));
        Assert.Equal((null, RetentionStage.None), (open.EndedOn, open.RetentionStage));
    }
}
