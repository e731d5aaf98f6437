using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;

namespace Reintegration.Core.Tests.Gate;

public class SystemCaseChangesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_that_finds_nothing_to_do_leaves_the_case_and_its_version_alone()
    {
        var store = new InMemoryCaseStore();
        var caseId = CaseId.New();
        await store.TryCreateAsync(Tests.Cases.CaseJourney.In(CaseStatus.Arrived, caseId.Value), Cancel);
        var system = new SystemCaseChanges(store);

        var (first, started) = await system.ChangeAsync(caseId, c => c.StartMonitoring(TestData.Now, [1, 3]), s => s, Cancel);
        var (again, startedAgain) = await system.ChangeAsync(caseId, c => c.StartMonitoring(TestData.Now, [1, 3]), s => s, Cancel);

        Assert.True(started);
        Assert.False(startedAgain);
        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal(first.ETag, (await store.FindAsync(caseId, Cancel))!.ETag);
    }
}
