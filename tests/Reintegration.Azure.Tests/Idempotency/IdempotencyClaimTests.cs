using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Reintegration.Azure.Cosmos;
using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Idempotency;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Idempotency;

public sealed class IdempotencyClaimTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    private static IdempotencyRecord Record(string id, string resourceId, string fingerprint) =>
        new(id, resourceId, fingerprint, new DateTimeOffset(2026, 3, 10, 9, 0, 0, 123, TimeSpan.Zero));

    [Fact]
    public async Task The_first_claim_of_a_key_wins_and_a_second_claim_answers_the_first_record()
    {
        var store = Get<IIdempotencyStore>();
        var id = $"key-{Guid.NewGuid():N}";
        var first = Record(id, "case-first", "fingerprint-1");
        var second = Record(id, "case-second", "fingerprint-2") with { CreatedAt = first.CreatedAt.AddMinutes(1) };

        var claimedFirst = await store.ClaimAsync(first, Cancellation);
        var claimedSecond = await store.ClaimAsync(second, Cancellation);

        Assert.Equal(first, claimedFirst);
        Assert.Equal(first, claimedSecond);
        Assert.Equal(first, await store.FindAsync(id, Cancellation));
    }

    [Fact]
    public async Task Ten_concurrent_claims_of_one_key_all_answer_the_same_resource_id()
    {
        var store = Get<IIdempotencyStore>();
        var id = $"key-{Guid.NewGuid():N}";
        var records = Enumerable.Range(0, 10).Select(i => Record(id, $"case-{i}", $"fingerprint-{i}")).ToList();

        var claimed = await Task.WhenAll(records.Select(r => Task.Run(() => store.ClaimAsync(r, Cancellation))));

        var winner = Assert.Single(claimed.Select(c => c.ResourceId).Distinct());
        Assert.Contains(winner, records.Select(r => r.ResourceId));
        Assert.All(claimed, c => Assert.Equal(records.Single(r => r.ResourceId == winner), c));
        Assert.Equal(winner, (await store.FindAsync(id, Cancellation))!.ResourceId);
    }

    [Fact]
    public async Task Claims_of_different_keys_do_not_interfere()
    {
        var store = Get<IIdempotencyStore>();
        var a = Record($"key-{Guid.NewGuid():N}", "case-a", "fingerprint-a");
        var b = Record($"key-{Guid.NewGuid():N}", "case-b", "fingerprint-b");

        Assert.Equal(a, await store.ClaimAsync(a, Cancellation));
        Assert.Equal(b, await store.ClaimAsync(b, Cancellation));
        Assert.Null(await store.FindAsync("key-never-claimed", Cancellation));
    }

    [Fact]
    public async Task A_claimed_record_expires_after_a_week_in_a_container_where_item_ttls_apply()
    {
        var store = Get<IIdempotencyStore>();
        var record = Record($"key-{Guid.NewGuid():N}", "case-a", "fingerprint-a");
        await store.ClaimAsync(record, Cancellation);

        var container = Get<CosmosDatabase>().Container(Containers.Idempotency);
        var raw = (await container.ReadItemAsync<JsonElement>(record.Id, new PartitionKey(record.Id), cancellationToken: Cancellation)).Resource;
        var properties = (await container.ReadContainerAsync(cancellationToken: Cancellation)).Resource;

        Assert.Equal(7 * 24 * 3600, raw.GetProperty("ttl").GetInt32());
        // An item's ttl only counts where the container has a default TTL (-1: on, no default expiry).
        Assert.Equal(-1, properties.DefaultTimeToLive);
    }
}
