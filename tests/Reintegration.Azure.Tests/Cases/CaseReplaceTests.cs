using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Cases;

public sealed class CaseReplaceTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    [Fact]
    public async Task Replacing_with_the_current_etag_stores_the_change_and_answers_a_new_etag()
    {
        var store = Get<ICaseStore>();
        var created = (await store.TryCreateAsync(TestCases.Referred(), Cancellation))!;
        var changed = TestCases.Accepted(created.Value, TestCases.Now.AddHours(1));

        var replaced = await store.ReplaceAsync(changed, created.ETag, Cancellation);

        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(CaseStatus.Accepted, replaced.Value.Status);
        var stored = (await store.FindAsync(Reintegration.Core.Ids.CaseId.From(changed.Id), Cancellation))!;
        Assert.Equal(replaced.ETag, stored.ETag);
        Assert.Equal(CaseStatus.Accepted, stored.Value.Status);
        Assert.Equal(2, stored.Value.Timeline.Count);
    }

    [Fact]
    public async Task Replacing_with_a_stale_etag_throws_with_the_current_etag_and_leaves_the_case_unchanged()
    {
        var store = Get<ICaseStore>();
        var created = (await store.TryCreateAsync(TestCases.Referred(), Cancellation))!;
        var staleETag = created.ETag;
        var current = await store.ReplaceAsync(TestCases.Accepted(created.Value, TestCases.Now.AddHours(1)), staleETag, Cancellation);
        var basedOnStale = (await store.FindAsync(Reintegration.Core.Ids.CaseId.From(created.Value.Id), Cancellation))!.Value;
        basedOnStale.AssignPartner(TestCases.Coordinator, TestCases.Now.AddHours(2), "partner-other");

        var thrown = await Assert.ThrowsAsync<StaleVersionException>(() => store.ReplaceAsync(basedOnStale, staleETag, Cancellation));

        Assert.Equal(current.ETag, thrown.CurrentETag);
        var stored = (await store.FindAsync(Reintegration.Core.Ids.CaseId.From(created.Value.Id), Cancellation))!;
        Assert.Equal(current.ETag, stored.ETag);
        Assert.Equal(CaseStatus.Accepted, stored.Value.Status);
        Assert.Null(stored.Value.PartnerId);
        Assert.Equal(2, stored.Value.Timeline.Count);
    }

    [Fact]
    public async Task Etags_are_quoted_http_entity_tags_wherever_the_store_answers_them()
    {
        var store = Get<ICaseStore>();
        var created = (await store.TryCreateAsync(TestCases.Referred(), Cancellation))!;
        var read = (await store.FindAsync(Reintegration.Core.Ids.CaseId.From(created.Value.Id), Cancellation))!;
        var replaced = await store.ReplaceAsync(TestCases.Accepted(read.Value), read.ETag, Cancellation);
        var listed = Assert.Single((await store.ListAsync(new Core.Gate.CaseScope.AllCases(), new CaseFilter(null, null),
            new PageRequest(10, null), Cancellation)).Items);
        var stale = await Assert.ThrowsAsync<StaleVersionException>(() => store.ReplaceAsync(read.Value, read.ETag, Cancellation));

        foreach (var etag in new[] { created.ETag, read.ETag, replaced.ETag, listed.ETag, stale.CurrentETag })
        {
            Assert.Matches("^\"[^\"]+\"$", etag);
        }
        Assert.Equal(replaced.ETag, listed.ETag);
    }
}
