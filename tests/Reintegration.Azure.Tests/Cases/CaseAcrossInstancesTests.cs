using Microsoft.Extensions.DependencyInjection;
using Reintegration.Azure.Cosmos;
using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Cases;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Cases;

public sealed class CaseAcrossInstancesTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    [Fact]
    public async Task Another_instance_of_the_app_reads_the_case_with_the_same_etag_and_may_replace_it()
    {
        var created = (await Get<ICaseStore>().TryCreateAsync(TestCases.Referred(), Cancellation))!;
        await using var other = await Adapters.StartAsync(StandIns, Get<CosmosDatabase>().Database.Id);
        var otherStore = other.GetRequiredService<ICaseStore>();

        var read = (await otherStore.FindAsync(Reintegration.Core.Ids.CaseId.From(created.Value.Id), Cancellation))!;
        var replaced = await otherStore.ReplaceAsync(TestCases.Accepted(read.Value), created.ETag, Cancellation);

        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(CaseStatus.Accepted, (await Get<ICaseStore>().FindAsync(Reintegration.Core.Ids.CaseId.From(created.Value.Id), Cancellation))!.Value.Status);
        Assert.Equal(replaced.ETag, (await Get<ICaseStore>().FindAsync(Reintegration.Core.Ids.CaseId.From(created.Value.Id), Cancellation))!.ETag);
    }
}
