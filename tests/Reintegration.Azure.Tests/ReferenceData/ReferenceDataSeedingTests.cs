using Reintegration.Azure.Tests.Support;
using Reintegration.Core.ReferenceData;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.ReferenceData;

public sealed class ReferenceDataSeedingTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    private static readonly ReferenceDataSet FullSeed = ReferenceDataSeed.Load();

    /// <summary>A slice of the shipped seed (a referring organisation and a partner among them), enough for the rules and quick to write.</summary>
    private static readonly ReferenceDataSet Seed = new(
        FullSeed.Countries.Take(4).ToList(),
        [.. FullSeed.Organisations.Where(o => o.Kind == OrganisationKind.Referring).Take(1), .. FullSeed.Organisations.Where(o => o.Kind == OrganisationKind.Partner).Take(2)],
        FullSeed.Phases);

    [Fact]
    public async Task Seeding_an_empty_store_adds_every_country_organisation_and_phase_of_the_shipped_seed()
    {
        var store = Get<IReferenceDataStore>();

        await store.SeedAsync(FullSeed, Cancellation);

        Assert.Equal(Codes(FullSeed.Countries), Codes(await store.CountriesAsync(Cancellation)));
        Assert.Equal(FullSeed.Organisations.Select(o => o.Id).Order(), (await store.OrganisationsAsync(Cancellation)).Select(o => o.Id).Order());
        Assert.Equal(FullSeed.Phases.Select(p => p.Id).Order(), (await store.PhasesAsync(Cancellation)).Select(p => p.Id).Order());
        var first = FullSeed.Countries[0];
        Assert.Equal(first, await store.FindCountryAsync(first.Code, Cancellation));
        var partner = FullSeed.Organisations.First(o => o.Kind == OrganisationKind.Partner);
        var stored = (await store.FindOrganisationAsync(partner.Id, Cancellation))!;
        Assert.Equal(partner.Countries, stored.Countries);
        Assert.Equal(FullSeed.Phases[0].Budget, (await store.PhasesAsync(Cancellation)).Single(p => p.Id == FullSeed.Phases[0].Id).Budget);
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
        await store.SeedAsync(Seed with { Countries = Seed.Countries.Take(2).ToList(), Organisations = Seed.Organisations.Take(1).ToList() }, Cancellation);
        Assert.Equal(2, (await store.CountriesAsync(Cancellation)).Count);

        await store.SeedAsync(Seed, Cancellation);

        Assert.Equal(Codes(Seed.Countries), Codes(await store.CountriesAsync(Cancellation)));
        Assert.Equal(Seed.Organisations.Select(o => o.Id).Order(), (await store.OrganisationsAsync(Cancellation)).Select(o => o.Id).Order());
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
