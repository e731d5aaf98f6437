using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Tests.ReferenceData;

public class ReferenceDataSeedTests
{
    private readonly ReferenceDataSet seed = ReferenceDataSeed.Load();

    [Fact]
    public void The_published_list_of_38_countries_is_seeded_with_unique_iso_codes()
    {
        Assert.Equal(38, seed.Countries.Count);
        Assert.All(seed.Countries, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.Equal(38, seed.Countries.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void Every_country_has_at_least_one_partner_and_every_partner_covers_a_listed_country()
    {
        var partners = seed.Organisations.Where(o => o.Kind == OrganisationKind.Partner).ToList();
        Assert.All(seed.Countries, c => Assert.Contains(partners, p => p.Covers(c.Code)));
        Assert.All(partners, p => Assert.All(p.Countries, code => Assert.Contains(seed.Countries, c => c.Code == code)));
        Assert.Contains(partners, p => p.Countries.Count > 1);
    }

    [Fact]
    public void A_demo_referring_organisation_exists() =>
        Assert.Contains(seed.Organisations, o => o.Kind == OrganisationKind.Referring);

    [Fact]
    public void The_published_seed_has_countries_phases_and_the_coordination_but_no_demo_organisations()
    {
        var published = ReferenceDataSeed.Published();
        Assert.Equal(38, published.Countries.Count);
        Assert.NotEmpty(published.Phases);
        var coordination = Assert.Single(published.Organisations);
        Assert.Equal(OrganisationKind.Coordination, coordination.Kind);
    }

    [Fact]
    public void Phases_do_not_overlap_and_phase_three_has_its_published_dates()
    {
        var phases = seed.Phases.OrderBy(p => p.StartsOn).ToList();
        Assert.All(phases.Zip(phases.Skip(1)), pair => Assert.True(pair.First.EndsOn < pair.Second.StartsOn));
        var third = Assert.Single(phases, p => p.Id == "phase-3");
        Assert.Equal((new DateOnly(2023, 11, 1), new DateOnly(2025, 10, 31)), (third.StartsOn, third.EndsOn));
    }
}
