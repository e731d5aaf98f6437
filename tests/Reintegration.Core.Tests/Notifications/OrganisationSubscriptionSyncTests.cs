using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.Core.Access;
using Reintegration.Core.Ids;
using Reintegration.Core.Notifications;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Tests.Notifications;

/// <summary>An organisation's subscription follows the reference data, and a failed call is made up for, not lost.</summary>
public class OrganisationSubscriptionSyncTests
{
    private static readonly Caller Coordinator = new("coordinator-1", Role.Coordinator, "org-coordination");
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly InMemoryReferenceData store = new(ReferenceDataSeed.Published());
    private readonly Subscriptions subscriptions = new();
    private readonly Queue queue = new();

    private OrganisationSubscriptionSync Sync => new(store, subscriptions, queue, NullLogger<OrganisationSubscriptionSync>.Instance);

    private MaintainReferenceData Maintain(OrganisationSubscriptionSync sync) => new(store, new CountryRequestValidator(), new PartnerRequestValidator(),
        new ReferringOrganisationRequestValidator(), new PhaseRequestValidator(), new InMemoryAccessLog(), sync, new InMemoryPhaseCalendar(store), TestData.Clock());

    private static PartnerRequest Partner(bool active) => new() { Name = "Partner Kumasi", Countries = ["GH"], Active = active };

    [Fact]
    public async Task Adding_and_deactivating_a_partner_asks_for_its_subscription_which_follows_the_organisation()
    {
        var sync = Sync;
        await Maintain(sync).SetPartnerAsync(Coordinator, OrganisationId.From("partner-gh-9"), Partner(active: true), null, Cancel);
        Assert.Equal(["partner-gh-9"], queue.Sent);
        Assert.Equal(SubscriptionChange.Ensured, await sync.SyncAsync("partner-gh-9", Cancel));
        Assert.Equal("partnerId = 'partner-gh-9'", subscriptions.Filters["partner-gh-9"]);

        await Maintain(sync).SetPartnerAsync(Coordinator, OrganisationId.From("partner-gh-9"), Partner(active: false), "\"1\"", Cancel);
        Assert.Equal(["partner-gh-9", "partner-gh-9"], queue.Sent);
        Assert.Equal(SubscriptionChange.Removed, await sync.SyncAsync("partner-gh-9", Cancel));
        Assert.False(subscriptions.Filters.ContainsKey("partner-gh-9"));

        // A rename changes nothing on the bus.
        await Maintain(sync).SetPartnerAsync(Coordinator, OrganisationId.From("partner-gh-9"), Partner(active: false) with { Name = "Renamed" }, "\"1\"", Cancel);
        Assert.Equal(2, queue.Sent.Count);
    }

    [Fact]
    public async Task When_the_queue_is_unreachable_the_organisation_is_saved_and_the_reconciliation_makes_its_subscription()
    {
        queue.Down = true;
        var sync = Sync;
        await Maintain(sync).SetPartnerAsync(Coordinator, OrganisationId.From("partner-gh-8"), Partner(active: true), null, Cancel);
        Assert.Contains(store.Set.Organisations, o => o.Id == "partner-gh-8");
        Assert.False(subscriptions.Filters.ContainsKey("partner-gh-8"));

        subscriptions.Filters["coordination"] = "kind = 'Escalation'";
        subscriptions.Filters["org-gone"] = "organisationId = 'org-gone'";
        store.Set = store.Set with
        {
            Organisations = [.. store.Set.Organisations, new Organisation { Id = "org-gone", Name = "Gone", Kind = OrganisationKind.Referring, Active = false }],
        };
        var run = await sync.ReconcileAsync(Cancel);

        Assert.Equal((1, 1), (run.Created, run.Removed));
        Assert.Equal("partnerId = 'partner-gh-8'", subscriptions.Filters["partner-gh-8"]);
        Assert.False(subscriptions.Filters.ContainsKey("org-gone"));
        Assert.True(subscriptions.Filters.ContainsKey("coordination"));
        var again = await sync.ReconcileAsync(Cancel);
        Assert.Equal((0, 0), (again.Created, again.Removed));
    }

    [Fact]
    public async Task Delivery_makes_a_new_recipients_subscription_once_and_leaves_the_coordination_alone()
    {
        store.Set = store.Set with
        {
            Organisations = [.. store.Set.Organisations, new Organisation { Id = "partner-gh-7", Name = "New", Kind = OrganisationKind.Partner, Countries = ["GH"] }],
        };
        var sync = Sync;
        await sync.EnsureRecipientsAsync(["partner-gh-7", "org-coordination"], Cancel);
        await sync.EnsureRecipientsAsync(["partner-gh-7"], Cancel);

        Assert.Equal("partnerId = 'partner-gh-7'", subscriptions.Filters["partner-gh-7"]);
        Assert.Equal(1, subscriptions.Calls);
    }

    private sealed class Subscriptions : IOrganisationSubscriptions
    {
        public Dictionary<string, string> Filters { get; } = [];
        public int Calls { get; private set; }

        public Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyCollection<string>>(Filters.Keys.ToList());

        public Task EnsureAsync(string name, string sqlFilter, CancellationToken cancellationToken)
        {
            Calls++;
            Filters[name] = sqlFilter;
            return Task.CompletedTask;
        }

        public Task RemoveAsync(string name, CancellationToken cancellationToken)
        {
            Calls++;
            Filters.Remove(name);
            return Task.CompletedTask;
        }
    }

    private sealed class Queue : IOrganisationWorkQueue
    {
        public List<string> Sent { get; } = [];
        public bool Down { get; set; }

        public Task EnqueueAsync(OrganisationWork work, CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new IOException("The queue is unreachable.");
            }
            Sent.Add(work.OrganisationId);
            return Task.CompletedTask;
        }
    }
}
