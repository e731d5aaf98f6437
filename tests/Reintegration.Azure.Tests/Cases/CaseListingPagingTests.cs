using System.Buffers.Text;
using System.Text;
using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Access;
using Reintegration.Core.Gate;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Storage;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Cases;

public sealed class CaseListingPagingTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    private static readonly CaseFilter NoFilter = new(null, null);

    [Fact]
    public async Task Paging_returns_every_case_exactly_once_newest_first_even_when_cases_share_their_referral_time()
    {
        var store = Get<ICaseStore>();
        // Newest first, the three cases referred at the same instant take places 3, 4 and 5: across the first page boundary.
        var sameInstant = TestCases.Now.AddMinutes(30);
        var cases = new[]
        {
            TestCases.Referred(at: TestCases.Now.AddHours(1)),
            TestCases.Referred(at: TestCases.Now.AddMinutes(45)),
            TestCases.Referred(at: sameInstant),
            TestCases.Referred(at: sameInstant),
            TestCases.Referred(at: sameInstant),
            TestCases.Referred(at: TestCases.Now.AddMinutes(1)),
            TestCases.Referred(at: TestCases.Now),
        };
        foreach (var c in cases.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            await store.TryCreateAsync(c, Cancellation);
        }

        var pages = await AllPagesAsync(store, new CaseScope.AllCases(), NoFilter, size: 3);

        var listed = pages.SelectMany(p => p.Items).Select(v => v.Value.Id).ToList();
        var expected = cases.OrderByDescending(c => c.ListingKey, StringComparer.Ordinal).Select(c => c.Id).ToList();
        Assert.Equal(expected, listed);
        Assert.All(pages, p => Assert.InRange(p.Items.Count, 0, 3));
        Assert.Equal(3, pages[0].Items.Count);
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task The_listing_key_orders_by_referral_time_then_by_id()
    {
        var store = Get<ICaseStore>();
        var older = TestCases.Referred("case-z", TestCases.Now);
        var tieA = TestCases.Referred("case-a", TestCases.Now.AddTicks(1));
        var tieB = TestCases.Referred("case-b", TestCases.Now.AddTicks(1));
        foreach (var c in new[] { tieA, older, tieB })
        {
            await store.TryCreateAsync(c, Cancellation);
        }

        var pages = await AllPagesAsync(store, new CaseScope.AllCases(), NoFilter, size: 1);

        Assert.Equal(["case-b", "case-a", "case-z"], pages.SelectMany(p => p.Items).Select(v => v.Value.Id));
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("%%%")]
    public async Task A_continuation_token_that_is_not_url_safe_base64_is_a_validation_error(string token)
    {
        var store = Get<ICaseStore>();
        await store.TryCreateAsync(TestCases.Referred(), Cancellation);

        var thrown = await Assert.ThrowsAsync<RequestValidationException>(() =>
            store.ListAsync(new CaseScope.AllCases(), NoFilter, new PageRequest(3, token), Cancellation));

        Assert.Contains("continuationToken", thrown.Errors.Keys);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{\"not\":\"a cosmos token\"}")]
    [InlineData("[{\"compositeToken\":{\"token\":\"x\"},\"orderByItems\":[{\"item\":1}]}]")]
    public async Task A_well_encoded_continuation_token_that_cosmos_did_not_give_out_is_a_validation_error(string content)
    {
        var store = Get<ICaseStore>();
        for (var i = 0; i < 4; i++)
        {
            await store.TryCreateAsync(TestCases.Referred(at: TestCases.Now.AddMinutes(i)), Cancellation);
        }
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(content));

        var thrown = await Assert.ThrowsAsync<RequestValidationException>(() =>
            store.ListAsync(new CaseScope.AllCases(), NoFilter, new PageRequest(3, token), Cancellation));

        Assert.Contains("continuationToken", thrown.Errors.Keys);
    }

    internal static async Task<List<Page<Versioned<Case>>>> AllPagesAsync(ICaseStore store, CaseScope scope, CaseFilter filter, int size)
    {
        var pages = new List<Page<Versioned<Case>>>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(scope, filter, new PageRequest(size, token), TestContext.Current.CancellationToken);
            pages.Add(page);
            token = page.ContinuationToken;
            Assert.True(pages.Count <= 50, "The listing does not end.");
        }
        while (token is not null);
        return pages;
    }
}
