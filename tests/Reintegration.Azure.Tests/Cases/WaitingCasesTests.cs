using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Access;
using Reintegration.Core.Gate;
using Reintegration.Core.Cases;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Cases;

public sealed class WaitingCasesTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    [Fact]
    public async Task Cases_waiting_to_leave_a_status_come_oldest_first_and_only_in_that_status()
    {
        var store = Get<ICaseStore>();
        var newest = TestCases.Referred(at: TestCases.Now.AddHours(3));
        var oldest = TestCases.Referred(at: TestCases.Now.AddHours(1));
        var middle = TestCases.Referred(at: TestCases.Now.AddHours(2));
        var accepted = TestCases.Accepted(TestCases.Referred(at: TestCases.Now));
        foreach (var c in new[] { newest, accepted, oldest, middle })
        {
            await store.TryCreateAsync(c, Cancellation);
        }

        var waiting = await store.WaitingAsync(new CaseScope.AllCases(), new WaitingFor.LeavingStatus(CaseStatus.Referred), 10, Cancellation);

        Assert.Equal([oldest.Id, middle.Id, newest.Id], waiting.Select(c => c.Id));
    }

    [Fact]
    public async Task At_most_the_requested_number_of_waiting_cases_come_back_the_oldest_ones()
    {
        var store = Get<ICaseStore>();
        var cases = Enumerable.Range(0, 5).Select(i => TestCases.Referred(at: TestCases.Now.AddMinutes(10 - i))).ToList();
        foreach (var c in cases)
        {
            await store.TryCreateAsync(c, Cancellation);
        }

        var waiting = await store.WaitingAsync(new CaseScope.AllCases(), new WaitingFor.LeavingStatus(CaseStatus.Referred), 2, Cancellation);

        Assert.Equal([cases[4].Id, cases[3].Id], waiting.Select(c => c.Id));
    }

    [Fact]
    public async Task Waiting_cases_honour_the_scope()
    {
        var store = Get<ICaseStore>();
        var ownOld = TestCases.Referred(at: TestCases.Now.AddHours(1), organisation: "org-a");
        var otherOlder = TestCases.Referred(at: TestCases.Now, organisation: "org-b");
        var ownNew = TestCases.Referred(at: TestCases.Now.AddHours(2), organisation: "org-a");
        var partner1 = TestCases.AssignedTo(TestCases.Referred(at: TestCases.Now.AddHours(4)), "partner-1");
        var partner2 = TestCases.AssignedTo(TestCases.Referred(at: TestCases.Now.AddHours(3)), "partner-2");
        foreach (var c in new[] { ownNew, otherOlder, ownOld, partner1, partner2 })
        {
            await store.TryCreateAsync(c, Cancellation);
        }

        var own = await store.WaitingAsync(new CaseScope.OfReferringOrganisation("org-a"), new WaitingFor.LeavingStatus(CaseStatus.Referred), 10, Cancellation);
        var atPartner1 = await store.WaitingAsync(new CaseScope.AssignedToPartner("partner-1"), new WaitingFor.LeavingStatus(CaseStatus.PartnerAssigned), 10, Cancellation);

        Assert.Equal([ownOld.Id, ownNew.Id], own.Select(c => c.Id));
        Assert.Equal([partner1.Id], atPartner1.Select(c => c.Id));
    }

    [Fact]
    public async Task Plans_waiting_for_a_decision_come_oldest_submission_first_within_the_scope()
    {
        var store = Get<ICaseStore>();
        var submittedLate = TestCases.WithSubmittedPlan(TestCases.Referred(at: TestCases.Now), TestCases.Now.AddDays(3));
        var submittedEarly = TestCases.WithSubmittedPlan(TestCases.Referred(at: TestCases.Now.AddHours(1)), TestCases.Now.AddDays(1));
        var otherPartner = TestCases.WithSubmittedPlan(TestCases.Referred(at: TestCases.Now), TestCases.Now.AddDays(2), "partner-other");
        var noPlan = TestCases.AssignedTo(TestCases.Referred(at: TestCases.Now), TestCases.PartnerOrganisation);
        foreach (var c in new[] { submittedLate, noPlan, otherPartner, submittedEarly })
        {
            await store.TryCreateAsync(c, Cancellation);
        }

        var all = await store.WaitingAsync(new CaseScope.AllCases(), new WaitingFor.PlanDecision(), 10, Cancellation);
        var partner = await store.WaitingAsync(new CaseScope.AssignedToPartner(TestCases.PartnerOrganisation), new WaitingFor.PlanDecision(), 10, Cancellation);

        Assert.Equal([submittedEarly.Id, otherPartner.Id, submittedLate.Id], all.Select(c => c.Id));
        Assert.Equal([submittedEarly.Id, submittedLate.Id], partner.Select(c => c.Id));
    }
}
