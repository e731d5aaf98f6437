using System.Collections.Concurrent;
using Reintegration.Core.Errors;
using Reintegration.Core.Idempotency;

namespace Reintegration.Core.Tests.Idempotency;

public class IdempotentCreationTests
{
    private sealed class InMemoryStore : IIdempotencyStore
    {
        public readonly ConcurrentDictionary<string, IdempotencyRecord> Records = new();

        public Task<IdempotencyRecord?> FindAsync(string recordId, CancellationToken cancellationToken) =>
            Task.FromResult(Records.GetValueOrDefault(recordId));

        public Task<IdempotencyRecord> ClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
            Task.FromResult(Records.GetOrAdd(record.Id, record));
    }

    private readonly InMemoryStore store = new();
    private IdempotentCreation Creation => new(store, TestData.Clock());

    private Task<string> Create(string? key, string body, Reintegration.Core.Access.Caller? caller = null) =>
        Creation.RunAsync(caller ?? TestData.Caseworker(), "register-referral", key, body, id => Task.FromResult(id), CancellationToken.None);

    [Fact]
    public async Task The_same_key_and_body_create_under_the_same_id()
    {
        var first = await Create("key-1", "{}");
        var retry = await Create("key-1", "{}");
        Assert.Equal(first, retry);
        Assert.Single(store.Records);
    }

    [Fact]
    public async Task Without_a_key_every_create_gets_a_new_id() =>
        Assert.NotEqual(await Create(null, "{}"), await Create(null, "{}"));

    [Fact]
    public async Task The_same_key_with_another_body_is_refused()
    {
        await Create("key-1", "{\"a\":1}");
        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Create("key-1", "{\"a\":2}"));
        Assert.Equal("idempotency-key-reuse", Assert.Single(refusal.Failures).Rule);
    }

    [Fact]
    public async Task Keys_of_different_organisations_do_not_collide()
    {
        var ours = await Create("key-1", "{}");
        var theirs = await Create("key-1", "{}", TestData.Caseworker("org-ref-other"));
        Assert.NotEqual(ours, theirs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("line\nbreak")]
    public async Task A_malformed_key_is_a_validation_error(string key) =>
        await Assert.ThrowsAsync<RequestValidationException>(() => Create(key, "{}"));
}
