using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Tests.Gate;

/// <summary>
/// Marking notices sent changes the stored case but nothing a person decides on: the version read before it stays
/// current for the next change, and only until a real change (docs/decisions/0023).
/// </summary>
public class BookkeepingKeepsTheVersionTests
{
    private static readonly Caller Caseworker = TestData.Caseworker();
    private static readonly Caller Coordinator = new("coordinator-1", Role.Coordinator, "org-coordination");
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly DateOnly DepartureDay = DateOnly.FromDateTime(TestData.Now.UtcDateTime);

    private readonly InMemoryCaseStore store = new();
    private readonly CaseId caseId = CaseId.New();

    private CaseGate GateOver(ICaseStore cases) => new(cases, new InMemoryAccessLog(), TestData.Clock());

    /// <summary>A plan approved through the gate: the case holds the partner's notice, not yet sent.</summary>
    private async Task<string> ApprovedAsync()
    {
        await store.TryCreateAsync(Tests.Cases.CaseJourney.In(CaseStatus.PlanSubmitted, caseId.Value), Cancel);
        var approved = await GateOver(store).ChangeAsync(Coordinator, caseId, CasePermissions.Act(CaseAction.ApprovePlan),
            (await store.FindAsync(caseId, Cancel))!.ETag, c => { c.ApprovePlan(Coordinator, TestData.Now, null); return Task.CompletedTask; }, Cancel);
        Assert.True(approved.Value.HasPendingNotifications);
        return approved.ETag;
    }

    private Task<(Versioned<Case> Case, bool Changed)> MarkSentAsync() =>
        new SystemCaseChanges(store).KeepBooksAsync(caseId, c =>
        {
            var pending = c.PendingNotifications.Count;
            c.MarkSent(c.PendingNotifications.Select(n => n.MessageId).ToList(), TestData.Now);
            return c.PendingNotifications.Count < pending;
        }, Cancel);

    private static Func<Case, Task> Depart => c => { c.Depart(Caseworker, TestData.Now, DepartureDay); return Task.CompletedTask; };

    [Fact]
    public async Task A_change_on_the_version_read_before_the_notices_were_marked_sent_is_made()
    {
        var read = await ApprovedAsync();
        var (marked, changed) = await MarkSentAsync();
        Assert.True(changed);
        Assert.NotEqual(read, marked.ETag);

        var departed = await GateOver(store).ChangeAsync(Caseworker, caseId, CasePermissions.Act(CaseAction.Depart), read, Depart, Cancel);

        Assert.Equal(CaseStatus.Departed, departed.Value.Status);
        Assert.Equal(departed.ETag, (await store.FindAsync(caseId, Cancel))!.ETag);
    }

    [Fact]
    public async Task After_a_change_a_person_made_the_versions_before_it_are_stale_marked_or_not()
    {
        var approvedVersion = await ApprovedAsync();
        var (marked, _) = await MarkSentAsync();
        var departed = await GateOver(store).ChangeAsync(Caseworker, caseId, CasePermissions.Act(CaseAction.Depart), marked.ETag, Depart, Cancel);
        Assert.Empty(departed.Value.VersionsStillCurrent);
        var (markedAgain, changedAgain) = await MarkSentAsync();
        Assert.True(changedAgain);

        foreach (var stale in new[] { approvedVersion, marked.ETag })
        {
            var refused = await Assert.ThrowsAsync<StaleVersionException>(() => GateOver(store).ChangeAsync(Caseworker, caseId,
                CasePermissions.Act(CaseAction.Withdraw), stale, c => { c.Withdraw(Caseworker, TestData.Now, "Changed their mind."); return Task.CompletedTask; }, Cancel));
            Assert.Equal(markedAgain.ETag, refused.CurrentETag);
        }
        Assert.Equal(CaseStatus.Departed, (await store.FindAsync(caseId, Cancel))!.Value.Status);
    }

    [Fact]
    public async Task A_change_the_app_makes_by_itself_that_people_see_makes_the_version_read_before_it_stale()
    {
        var read = await ApprovedAsync();
        await new SystemCaseChanges(store).ChangeAsync(caseId, c => { c.Depart(Caseworker, TestData.Now, DepartureDay); return true; }, Cancel);

        await Assert.ThrowsAsync<StaleVersionException>(() =>
            GateOver(store).ChangeAsync(Caseworker, caseId, CasePermissions.Act(CaseAction.Depart), read, Depart, Cancel));
    }

    [Fact]
    public async Task A_marking_between_the_read_and_the_write_makes_the_change_again_on_the_marked_version()
    {
        var read = await ApprovedAsync();
        var racing = new MarkingBeforeTheFirstWrite(store, MarkSentAsync);

        var departed = await GateOver(racing).ChangeAsync(Caseworker, caseId, CasePermissions.Act(CaseAction.Depart), read, Depart, Cancel);

        Assert.True(racing.Marked);
        var stored = (await store.FindAsync(caseId, Cancel))!;
        Assert.Equal((CaseStatus.Departed, departed.ETag), (stored.Value.Status, stored.ETag));
        Assert.DoesNotContain(stored.Value.PendingNotifications, n => n.Kind == Core.Monitoring.AlertKind.PlanApproved);
    }

    /// <summary>The queue marks the notices sent just before the gate's first write.</summary>
    private sealed class MarkingBeforeTheFirstWrite(InMemoryCaseStore inner, Func<Task<(Versioned<Case>, bool)>> mark) : ICaseStore
    {
        public bool Marked { get; private set; }

        public Task<Versioned<Case>?> FindAsync(CaseId caseId, CancellationToken cancellationToken) => inner.FindAsync(caseId, cancellationToken);

        public Task<Versioned<Case>?> TryCreateAsync(Case @case, CancellationToken cancellationToken) => inner.TryCreateAsync(@case, cancellationToken);

        public async Task<Versioned<Case>> ReplaceAsync(Case @case, string ifMatch, CancellationToken cancellationToken)
        {
            if (!Marked)
            {
                Marked = true;
                await mark();
            }
            return await inner.ReplaceAsync(@case, ifMatch, cancellationToken);
        }

        public Task<Page<Versioned<Case>>> ListAsync(CaseScope scope, CaseFilter filter, PageRequest page, CancellationToken cancellationToken) =>
            inner.ListAsync(scope, filter, page, cancellationToken);

        public Task<IReadOnlyList<Case>> WaitingAsync(CaseScope scope, WaitingFor waitingFor, int max, CancellationToken cancellationToken) =>
            inner.WaitingAsync(scope, waitingFor, max, cancellationToken);

        public IAsyncEnumerable<Case> NeedingMonitoringAttentionAsync(DateOnly dueBy, CancellationToken cancellationToken) =>
            inner.NeedingMonitoringAttentionAsync(dueBy, cancellationToken);

        public IAsyncEnumerable<Case> DueForRetentionAsync(DateOnly personalDataEndedBy, DateOnly financialRecordsEndedBy,
            CancellationToken cancellationToken) => inner.DueForRetentionAsync(personalDataEndedBy, financialRecordsEndedBy, cancellationToken);
    }
}
