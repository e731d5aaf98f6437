using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Errors;
using Reintegration.Core.ReferenceData;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.ReferenceData;

public sealed class ReferenceDataSavingTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    private static readonly Country Ghana = new() { Code = "GH", Name = "Ghana" };
    private static readonly Organisation PartnerGh = new() { Id = "partner-gh-9", Name = "Partner Accra", Kind = OrganisationKind.Partner, Countries = ["GH", "TG"] };

    [Fact]
    public async Task Saving_a_new_country_without_if_match_creates_it()
    {
        var store = Get<IReferenceDataStore>();

        var created = await store.SaveCountryAsync(Ghana, null, Cancellation);

        Assert.Equal(Ghana, created.Value);
        Assert.Matches("^\"[^\"]+\"$", created.ETag);
        var read = (await store.ReadCountryAsync("GH", Cancellation))!;
        Assert.Equal(Ghana, read.Value);
        Assert.Equal(created.ETag, read.ETag);
    }

    [Fact]
    public async Task Saving_an_existing_country_without_if_match_is_a_conflict_and_changes_nothing()
    {
        var store = Get<IReferenceDataStore>();
        var created = await store.SaveCountryAsync(Ghana, null, Cancellation);

        await Assert.ThrowsAsync<ConflictException>(() => store.SaveCountryAsync(Ghana with { Name = "Other" }, null, Cancellation));

        var read = (await store.ReadCountryAsync("GH", Cancellation))!;
        Assert.Equal(Ghana, read.Value);
        Assert.Equal(created.ETag, read.ETag);
    }

    [Fact]
    public async Task Saving_a_country_with_its_current_etag_replaces_it_and_answers_a_new_etag()
    {
        var store = Get<IReferenceDataStore>();
        var created = await store.SaveCountryAsync(Ghana, null, Cancellation);
        var suspended = Ghana with { Active = false, SuspensionReason = "Travel advice changed." };

        var replaced = await store.SaveCountryAsync(suspended, created.ETag, Cancellation);

        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(suspended, replaced.Value);
        Assert.Equal(suspended, await store.FindCountryAsync("GH", Cancellation));
    }

    [Fact]
    public async Task Saving_a_country_with_a_stale_etag_throws_with_the_current_etag_and_changes_nothing()
    {
        var store = Get<IReferenceDataStore>();
        var created = await store.SaveCountryAsync(Ghana, null, Cancellation);
        var current = await store.SaveCountryAsync(Ghana with { Name = "Ghana (Republic of)" }, created.ETag, Cancellation);

        var thrown = await Assert.ThrowsAsync<StaleVersionException>(() =>
            store.SaveCountryAsync(Ghana with { Active = false, SuspensionReason = "x" }, created.ETag, Cancellation));

        Assert.Equal(current.ETag, thrown.CurrentETag);
        Assert.Equal(current.Value, await store.FindCountryAsync("GH", Cancellation));
    }

    [Fact]
    public async Task Saving_a_new_organisation_without_if_match_creates_it_and_again_is_a_conflict()
    {
        var store = Get<IReferenceDataStore>();

        var created = await store.SaveOrganisationAsync(PartnerGh, null, Cancellation);
        await Assert.ThrowsAsync<ConflictException>(() => store.SaveOrganisationAsync(PartnerGh with { Name = "Other" }, null, Cancellation));

        var read = (await store.ReadOrganisationAsync(PartnerGh.Id, Cancellation))!;
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(PartnerGh.Name, read.Value.Name);
        Assert.Equal(["GH", "TG"], read.Value.Countries);
        Assert.Equal(OrganisationKind.Partner, read.Value.Kind);
    }

    [Fact]
    public async Task Saving_an_organisation_with_its_current_etag_replaces_it_and_with_a_stale_one_throws()
    {
        var store = Get<IReferenceDataStore>();
        var created = await store.SaveOrganisationAsync(PartnerGh, null, Cancellation);

        var replaced = await store.SaveOrganisationAsync(PartnerGh with { Countries = ["GH"] }, created.ETag, Cancellation);
        var thrown = await Assert.ThrowsAsync<StaleVersionException>(() =>
            store.SaveOrganisationAsync(PartnerGh with { Active = false }, created.ETag, Cancellation));

        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(replaced.ETag, thrown.CurrentETag);
        var stored = (await store.FindOrganisationAsync(PartnerGh.Id, Cancellation))!;
        Assert.True(stored.Active);
        Assert.Equal(["GH"], stored.Countries);
    }

    [Fact]
    public async Task A_country_and_an_organisation_with_the_same_id_are_kept_apart_by_their_kind()
    {
        var store = Get<IReferenceDataStore>();
        await store.SaveCountryAsync(new Country { Code = "X1", Name = "Country X1" }, null, Cancellation);

        await store.SaveOrganisationAsync(new Organisation { Id = "X1", Name = "Organisation X1", Kind = OrganisationKind.Referring }, null, Cancellation);

        Assert.Equal("Country X1", (await store.FindCountryAsync("X1", Cancellation))!.Name);
        Assert.Equal("Organisation X1", (await store.FindOrganisationAsync("X1", Cancellation))!.Name);
        Assert.Single(await store.CountriesAsync(Cancellation));
        Assert.Single(await store.OrganisationsAsync(Cancellation));
    }
}
