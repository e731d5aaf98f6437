using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Tests.ReferenceData;

/// <summary>The staleness bound of the reference data (docs/decisions/0009), on a fake clock.</summary>
public class ReferenceDataCacheTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly Caller Caseworker = new("user-1", Role.Caseworker, "org-ref-demo");
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider time = new(TestData.Now);
    private readonly CountingReferenceData store = new(new InMemoryReferenceData(ReferenceDataSeed.Load()));
    private readonly CachedReferenceData cache;

    public ReferenceDataCacheTests() =>
        cache = new CachedReferenceData(store, time, Options.Create(new ReferenceDataCacheOptions { MaxStaleness = Bound }));

    private OrganisationMembership Membership => new(cache);

    /// <summary>A deactivation saved by another instance: straight into the store, past this instance's cache.</summary>
    private void DeactivateElsewhere(string organisationId) =>
        store.Inner.Set = store.Inner.Set with
        {
            Organisations = store.Inner.Set.Organisations.Select(o => o.Id == organisationId ? o with { Active = false } : o).ToList(),
        };

    [Fact]
    public async Task A_deactivation_made_elsewhere_shuts_the_organisation_out_once_the_bound_has_passed()
    {
        await Membership.EnsureRecognisedAsync(Caseworker, Cancel);
        DeactivateElsewhere("org-ref-demo");

        time.Advance(Bound - TimeSpan.FromSeconds(1));
        await Membership.EnsureRecognisedAsync(Caseworker, Cancel);

        time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Membership.EnsureRecognisedAsync(Caseworker, Cancel));
    }

    [Fact]
    public async Task A_deactivation_saved_through_this_instance_shuts_the_organisation_out_at_once()
    {
        await Membership.EnsureRecognisedAsync(Caseworker, Cancel);
        var current = (await cache.ReadOrganisationAsync("org-ref-demo", Cancel))!;

        await cache.SaveOrganisationAsync(current.Value with { Active = false }, current.ETag, Cancel);

        await Assert.ThrowsAsync<ForbiddenException>(() => Membership.EnsureRecognisedAsync(Caseworker, Cancel));
    }

    [Fact]
    public async Task Within_the_bound_every_request_is_answered_from_one_load()
    {
        for (var i = 0; i < 20; i++)
        {
            await Membership.EnsureRecognisedAsync(Caseworker, Cancel);
            await cache.FindCountryAsync("ao", Cancel);
            await cache.PhasesAsync(Cancel);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // One snapshot: countries, organisations and phases, one query each.
        Assert.Equal(3, store.Reads);
    }

    [Fact]
    public async Task A_changed_phase_saved_through_this_instance_is_read_at_once()
    {
        var before = (await cache.PhasesAsync(Cancel)).Single(p => p.Id == "phase-4");
        var current = (await cache.ReadPhaseAsync("phase-4", Cancel))!;

        await cache.SavePhaseAsync(current.Value with { GracePeriodDays = before.GracePeriodDays + 7 }, current.ETag, Cancel);

        Assert.Equal(before.GracePeriodDays + 7, (await cache.PhasesAsync(Cancel)).Single(p => p.Id == "phase-4").GracePeriodDays);
    }

    [Fact]
    public async Task With_no_staleness_allowed_every_request_reads_the_store()
    {
        var uncached = new CachedReferenceData(store, time, Options.Create(new ReferenceDataCacheOptions { MaxStaleness = TimeSpan.Zero }));
        var membership = new OrganisationMembership(uncached);
        await membership.EnsureRecognisedAsync(Caseworker, Cancel);
        DeactivateElsewhere("org-ref-demo");

        await Assert.ThrowsAsync<ForbiddenException>(() => membership.EnsureRecognisedAsync(Caseworker, Cancel));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void The_bound_is_at_most_five_minutes(int seconds, bool valid) =>
        Assert.Equal(valid, new ReferenceDataCacheOptions { MaxStaleness = TimeSpan.FromSeconds(seconds) }.IsValid);
}
