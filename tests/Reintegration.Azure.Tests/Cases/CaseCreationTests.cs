using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Cases;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Cases;

public sealed class CaseCreationTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    [Fact]
    public async Task Creating_a_case_whose_id_exists_answers_null_and_changes_nothing()
    {
        var store = Get<ICaseStore>();
        var first = TestCases.Referred();
        var created = await store.TryCreateAsync(first, Cancellation);
        var second = TestCases.Accepted(TestCases.Referred(first.Id, TestCases.Now.AddDays(1), organisation: "org-other", country: "ET"));

        var again = await store.TryCreateAsync(second, Cancellation);

        Assert.Null(again);
        var stored = (await store.FindAsync(Reintegration.Core.Ids.CaseId.From(first.Id), Cancellation))!;
        Assert.Equal(created!.ETag, stored.ETag);
        StoreJson.AssertSameJson(first, stored.Value);
    }

    [Fact]
    public async Task Reading_a_missing_case_answers_null_not_an_exception()
    {
        var store = Get<ICaseStore>();
        await store.TryCreateAsync(TestCases.Referred(), Cancellation);

        Assert.Null(await store.FindAsync(Reintegration.Core.Ids.CaseId.From(TestCases.NewId()), Cancellation));
    }
}
