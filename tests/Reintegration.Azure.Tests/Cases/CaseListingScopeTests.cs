using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Access;
using Reintegration.Core.Gate;
using Reintegration.Core.Cases;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Cases;

public sealed class CaseListingScopeTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    private static readonly CaseFilter NoFilter = new(null, null);

    // Two referring organisations, two partners, two countries, three statuses.
    private readonly Case _ownReferred = TestCases.Referred(at: TestCases.Now.AddMinutes(1), organisation: "org-a", country: "GH");
    private readonly Case _ownAccepted = TestCases.Accepted(TestCases.Referred(at: TestCases.Now.AddMinutes(2), organisation: "org-a", country: "ET"));
    private readonly Case _ownAtPartner1 = TestCases.AssignedTo(TestCases.Referred(at: TestCases.Now.AddMinutes(3), organisation: "org-a", country: "GH"), "partner-1");
    private readonly Case _otherAtPartner1 = TestCases.AssignedTo(TestCases.Referred(at: TestCases.Now.AddMinutes(4), organisation: "org-b", country: "GH"), "partner-1");
    private readonly Case _otherAtPartner2 = TestCases.AssignedTo(TestCases.Referred(at: TestCases.Now.AddMinutes(5), organisation: "org-b", country: "ET"), "partner-2");
    private readonly Case _otherReferred = TestCases.Referred(at: TestCases.Now.AddMinutes(6), organisation: "org-b", country: "ET");

    private Case[] All => [_ownReferred, _ownAccepted, _ownAtPartner1, _otherAtPartner1, _otherAtPartner2, _otherReferred];

    [Fact]
    public async Task A_referring_organisation_lists_only_its_own_cases()
    {
        await CreateAllAsync();

        Assert.Equal(Ids(_ownAtPartner1, _ownAccepted, _ownReferred), await ListedAsync(new CaseScope.OfReferringOrganisation("org-a"), NoFilter));
        Assert.Equal(Ids(_otherReferred, _otherAtPartner2, _otherAtPartner1), await ListedAsync(new CaseScope.OfReferringOrganisation("org-b"), NoFilter));
        Assert.Empty(await ListedAsync(new CaseScope.OfReferringOrganisation("org-none"), NoFilter));
    }

    [Fact]
    public async Task A_partner_lists_only_the_cases_assigned_to_it()
    {
        await CreateAllAsync();

        Assert.Equal(Ids(_otherAtPartner1, _ownAtPartner1), await ListedAsync(new CaseScope.AssignedToPartner("partner-1"), NoFilter));
        Assert.Equal(Ids(_otherAtPartner2), await ListedAsync(new CaseScope.AssignedToPartner("partner-2"), NoFilter));
    }

    [Fact]
    public async Task All_cases_lists_every_case()
    {
        await CreateAllAsync();

        Assert.Equal(Ids([.. All.Reverse()]), await ListedAsync(new CaseScope.AllCases(), NoFilter));
    }

    [Fact]
    public async Task The_status_filter_keeps_only_cases_in_that_status()
    {
        await CreateAllAsync();

        Assert.Equal(Ids(_otherReferred, _ownReferred), await ListedAsync(new CaseScope.AllCases(), new CaseFilter(CaseStatus.Referred, null)));
        Assert.Equal(Ids(_ownAccepted), await ListedAsync(new CaseScope.AllCases(), new CaseFilter(CaseStatus.Accepted, null)));
        Assert.Empty(await ListedAsync(new CaseScope.AllCases(), new CaseFilter(CaseStatus.Closed, null)));
    }

    [Fact]
    public async Task The_country_filter_keeps_only_cases_returning_to_that_country()
    {
        await CreateAllAsync();

        Assert.Equal(Ids(_otherAtPartner1, _ownAtPartner1, _ownReferred), await ListedAsync(new CaseScope.AllCases(), new CaseFilter(null, "GH")));
        Assert.Equal(Ids(_otherReferred, _otherAtPartner2, _ownAccepted), await ListedAsync(new CaseScope.AllCases(), new CaseFilter(null, "ET")));
    }

    [Fact]
    public async Task Filters_combine_with_each_other_and_with_the_scope()
    {
        await CreateAllAsync();

        Assert.Equal(Ids(_ownAtPartner1), await ListedAsync(new CaseScope.OfReferringOrganisation("org-a"), new CaseFilter(CaseStatus.PartnerAssigned, "GH")));
        Assert.Empty(await ListedAsync(new CaseScope.OfReferringOrganisation("org-a"), new CaseFilter(CaseStatus.PartnerAssigned, "ET")));
        Assert.Equal(Ids(_otherAtPartner2), await ListedAsync(new CaseScope.AssignedToPartner("partner-2"), new CaseFilter(null, "ET")));
        Assert.Equal(Ids(_otherReferred), await ListedAsync(new CaseScope.OfReferringOrganisation("org-b"), new CaseFilter(CaseStatus.Referred, "ET")));
    }

    [Fact]
    public async Task A_scoped_listing_pages_through_its_own_cases_only()
    {
        await CreateAllAsync();

        var pages = await CaseListingPagingTests.AllPagesAsync(Get<ICaseStore>(), new CaseScope.OfReferringOrganisation("org-b"), NoFilter, size: 2);

        Assert.Equal(Ids(_otherReferred, _otherAtPartner2, _otherAtPartner1), pages.SelectMany(p => p.Items).Select(v => v.Value.Id));
    }

    private async Task CreateAllAsync()
    {
        foreach (var c in All)
        {
            Assert.NotNull(await Get<ICaseStore>().TryCreateAsync(c, Cancellation));
        }
    }

    private async Task<List<string>> ListedAsync(CaseScope scope, CaseFilter filter) =>
        (await CaseListingPagingTests.AllPagesAsync(Get<ICaseStore>(), scope, filter, size: 100))
            .SelectMany(p => p.Items).Select(v => v.Value.Id).ToList();

    private static List<string> Ids(params Case[] cases) => cases.Select(c => c.Id).ToList();
}
