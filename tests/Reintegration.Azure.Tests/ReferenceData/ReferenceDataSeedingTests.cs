using Reintegration.Azure.Tests.Support;
using Reintegration.Core.ReferenceData;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.ReferenceData;

public sealed class ReferenceDataSeedingTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    private static readonly ReferenceDataSet Seed = ReferenceDataSeed.Load();

    [Fact]
    public async Task Seeding_an_empty_store_adds_every_country_organisation_and_phase()
    {
        var store = Get<IReferenceDataStore>();

        await store.SeedAsync(Seed, Cancellation);

        Assert.Equal(Codes(Seed.Countries), Codes(await store.CountriesAsync(Cancellation)));
        Assert.Equal(Seed.Organisations.Select(o => o.Id).Order(), (await store.OrganisationsAsync(Cancellation)).Select(o => o.Id).Order());
        Assert.Equal(Seed.Phases.Select(p => p.Id).Order(), (await store.PhasesAsync(Cancellation)).Select(p => p.Id).Order());
        var first = Seed.Countries[0];
        Assert.Equal(first, await store.FindCountryAsync(first.Code, Cancellation));
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time_and_rewrites_nothing()
    {
        var store = Get<IReferenceDataStore>();
        await store.SeedAsync(Seed, Cancellation);
        var etagsBefore = await CountryETagsAsync(store);
        var organisationsBefore = (await store.OrganisationsAsync(Cancellation)).Count;
        var phasesBefore = (await store.PhasesAsync(Cancellation)).Count;

        await store.SeedAsync(Seed, Cancellation);

        Assert.Equal(etagsBefore, await CountryETagsAsync(store));
        Assert.Equal(Seed.Countries.Count, (await store.CountriesAsync(Cancellation)).Count);
        Assert.Equal(organisationsBefore, (await store.OrganisationsAsync(Cancellation)).Count);
        Assert.Equal(phasesBefore, (await store.PhasesAsync(Cancellation)).Count);
    }

    [Fact]
    public async Task Seeding_again_never_overwrites_an_administrators_change()
    {
        var store = Get<IReferenceDataStore>();
        await store.SeedAsync(Seed, Cancellation);
        var code = Seed.Countries[0].Code;
        var read = (await store.ReadCountryAsync(code, Cancellation))!;
        var suspended = read.Value with { Name = "Renamed by an administrator", Active = false, SuspensionReason = "Travel advice changed." };
        var saved = await store.SaveCountryAsync(suspended, read.ETag, Cancellation);
        var partnerId = Seed.Organisations.First(o => o.Kind == OrganisationKind.Partner).Id;
        var partner = (await store.ReadOrganisationAsync(partnerId, Cancellation))!;
        var deactivated = await store.SaveOrganisationAsync(partner.Value with { Active = false }, partner.ETag, Cancellation);

        await store.SeedAsync(Seed, Cancellation);

        var after = (await store.ReadCountryAsync(code, Cancellation))!;
        Assert.Equal(suspended, after.Value);
        Assert.Equal(saved.ETag, after.ETag);
        var partnerAfter = (await store.ReadOrganisationAsync(partnerId, Cancellation))!;
        Assert.False(partnerAfter.Value.Active);
        Assert.Equal(deactivated.ETag, partnerAfter.ETag);
    }

    [Fact]
    public async Task Seeding_adds_what_is_missing_next_to_what_is_there()
    {
        var store = Get<IReferenceDataStore>();
        await store.SeedAsync(Seed with { Countries = Seed.Countries.Take(2).ToList() }, Cancellation);
        Assert.Equal(2, (await store.CountriesAsync(Cancellation)).Count);

        await store.SeedAsync(Seed, Cancellation);

        Assert.Equal(Codes(Seed.Countries), Codes(await store.CountriesAsync(Cancellation)));
    }

    private async Task<Dictionary<string, string>> CountryETagsAsync(IReferenceDataStore store)
    {
        var etags = new Dictionary<string, string>();
        foreach (var country in Seed.Countries)
        {
            etags[country.Code] = (await store.ReadCountryAsync(country.Code, Cancellation))!.ETag;
        }
        return etags;
    }

    private static List<string> Codes(IEnumerable<Country> countries) => countries.Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
}
