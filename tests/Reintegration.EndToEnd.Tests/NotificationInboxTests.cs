using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.LocalHost.StandIns;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>
/// What partners are told along the journey, in their inbox and on the bus, and that an organisation added over the API
/// is reached without a restart. Each test uses partners of its own, so inboxes are not shared with other tests.
/// </summary>
public sealed class NotificationInboxTests(LocalHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Api api = new(host);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> NewPartner(bool active = true)
    {
        var id = $"partner-gh-{Guid.NewGuid():N}"[..32];
        using var created = await Put(api.Coordinator(), $"api/partners/{id}", PartnerBody(active));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return id;
    }

    private static JsonObject PartnerBody(bool active) =>
        new() { ["name"] = "Test partner Kumasi", ["countries"] = new JsonArray("GH"), ["active"] = active };

    private static async Task<HttpResponseMessage> Put(HttpClient client, string url, JsonObject body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Api.JsonBody(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return await client.SendAsync(request, Cancel);
    }

    private async Task<JsonObject> Inbox(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync($"api/notifications{query}", Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await Api.ReadObject(response);
    }

    private static List<JsonObject> Items(JsonObject page) => page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    /// <summary>Every item of the inbox, page by page, until it holds <paramref name="count"/> or the patience runs out.</summary>
    private async Task<List<JsonObject>> AtLeast(HttpClient client, int count, string query = "")
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var all = new List<JsonObject>();
            string? token = null;
            do
            {
                var page = await Inbox(client, $"?pageSize=100{query}{(token is null ? "" : $"&continuationToken={token}")}");
                all.AddRange(Items(page));
                token = page["continuationToken"]?.GetValue<string>();
            }
            while (token is not null);
            if (all.Count >= count || DateTime.UtcNow > deadline)
            {
                return all;
            }
            await Task.Delay(150, Cancel);
        }
    }

    /// <summary>The topic's subscriptions as the Service Bus stand-in holds them, read as an operator would.</summary>
    private ServiceBusAdministrationClient Administration => new(host.StandIns.ServiceBus.AdministrationConnectionString);

    private async Task<bool> SubscriptionExists(string organisationId) =>
        (await Administration.SubscriptionExistsAsync("partner-notifications", organisationId, Cancel)).Value;

    private async Task<List<RuleProperties>> RulesOf(string organisationId)
    {
        var rules = new List<RuleProperties>();
        await foreach (var rule in Administration.GetRulesAsync("partner-notifications", organisationId, Cancel))
        {
            rules.Add(rule);
        }
        return rules;
    }

    private static string Text(JsonObject item, string name) => item[name]!.GetValue<string>();

    [Fact]
    public async Task A_partner_added_over_the_api_hears_of_a_case_assigned_to_it_without_a_restart()
    {
        var partner = await NewPartner();
        var (caseId, _) = await api.CaseAt("PartnerAssigned", await api.NewOrganisation(), partner);

        // Its subscription on the topic was made by the app, with its rule, before the notification went out.
        var rule = Assert.Single(await RulesOf(partner));
        Assert.Equal($"partnerId = '{partner}'", Assert.IsType<SqlRuleFilter>(rule.Filter).SqlExpression);
        await using (var client = new ServiceBusClient(host.StandIns.ServiceBus.ConnectionString))
        await using (var receiver = client.CreateReceiver("partner-notifications", partner,
            new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete }))
        {
            ServiceBusReceivedMessage? onBus = null;
            var deadline = DateTime.UtcNow + Patience;
            while (onBus is null && DateTime.UtcNow < deadline)
            {
                var batch = await receiver.ReceiveMessagesAsync(50, TimeSpan.FromMilliseconds(300), Cancel);
                onBus = batch.FirstOrDefault(m => (string)m.ApplicationProperties["caseId"] == caseId);
            }
            Assert.NotNull(onBus);
            Assert.Equal("PartnerAssigned", onBus.ApplicationProperties["kind"]);
        }

        var item = Assert.Single(await AtLeast(api.Partner(partner), 1));
        Assert.Equal(("PartnerAssigned", caseId, "prepare-reception", false),
            (Text(item, "kind"), Text(item, "caseId"), Text(item, "expectedAction"), item["read"]!.GetValue<bool>()));
        Assert.DoesNotContain("Mensah", item.ToJsonString());
        Assert.DoesNotContain("Ama", item.ToJsonString());
        Assert.Null(item["initials"]);
    }

    [Fact]
    public async Task The_bus_and_the_inbox_carry_the_same_notification_of_an_assignment()
    {
        await using var client = new ServiceBusClient(host.StandIns.ServiceBus.ConnectionString);
        await using var receiver = client.CreateReceiver("partner-notifications", "partner-gh-1",
            new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        var (caseId, _) = await api.CaseAt("PartnerAssigned", await api.NewOrganisation(), "partner-gh-1");

        ServiceBusReceivedMessage? onBus = null;
        var deadline = DateTime.UtcNow + Patience;
        while (onBus is null && DateTime.UtcNow < deadline)
        {
            var batch = await receiver.ReceiveMessagesAsync(50, TimeSpan.FromMilliseconds(300), Cancel);
            onBus = batch.FirstOrDefault(m => (string)m.ApplicationProperties["caseId"] == caseId);
        }
        Assert.NotNull(onBus);
        Assert.Equal("PartnerAssigned", onBus.ApplicationProperties["kind"]);
        Assert.DoesNotContain("Mensah", onBus.Body.ToString());

        var inInbox = (await AtLeast(api.Partner(), 1)).Single(i => Text(i, "caseId") == caseId);
        Assert.Equal(onBus.MessageId, Text(inInbox, "messageId"));
    }

    [Fact]
    public async Task The_partner_hears_of_the_plan_returned_and_approved_and_of_the_departure_with_the_expected_arrival()
    {
        var partner = await NewPartner();
        var caseworker = api.Caseworker(await api.NewOrganisation());
        var (caseId, etag) = await api.Refer(caseworker);
        etag = await Api.Do(api.Coordinator(), caseId, etag, "accept");
        etag = await Api.Do(caseworker, caseId, etag, "assign-partner", new JsonObject { ["partnerId"] = partner });
        etag = await Api.DraftPlan(caseworker, caseId, etag, Api.Plan(1000m));
        etag = await Api.Do(caseworker, caseId, etag, "submit-plan");
        // Edited after submission: the plan goes back to draft, and the partner waits for the revision.
        etag = await Api.DraftPlan(caseworker, caseId, etag, Api.Plan(900m));
        etag = await Api.Do(caseworker, caseId, etag, "submit-plan");
        etag = await Api.Do(api.Coordinator(), caseId, etag, "approve-plan");
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        await Api.Do(caseworker, caseId, etag, "depart", new JsonObject { ["date"] = today });

        var items = await AtLeast(api.Partner(partner), 4);
        Assert.Equal(["Departed", "PartnerAssigned", "PlanApproved", "PlanReturned"], items.Select(i => Text(i, "kind")).Order());
        Assert.All(items, i => Assert.Equal(caseId, Text(i, "caseId")));
        var departed = items.Single(i => Text(i, "kind") == "Departed");
        Assert.Equal(("confirm-arrival", today), (Text(departed, "expectedAction"), Text(departed, "dueOn")));

        using var tasks = await api.Partner(partner).GetAsync("api/tasks", Cancel);
        Assert.Contains(await Api.ReadArray(tasks), t => Text(t!.AsObject(), "kind") == "confirm-arrival" && Text(t.AsObject(), "caseId") == caseId);
    }

    [Fact]
    public async Task The_inbox_pages_unread_first_marks_read_and_answers_what_changed_since()
    {
        var partner = await NewPartner();
        var organisation = await api.NewOrganisation();
        var cases = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add((await api.CaseAt("PartnerAssigned", organisation, partner)).Id);
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }
        var client = api.Partner(partner);
        await AtLeast(client, 3);

        var first = await Inbox(client, "?pageSize=2");
        var token = first["continuationToken"]!.GetValue<string>();
        var second = await Inbox(client, $"?pageSize=2&continuationToken={token}");
        Assert.Null(second["continuationToken"]);
        var paged = Items(first).Concat(Items(second)).ToList();
        // Newest first among the unread.
        Assert.Equal(Enumerable.Reverse(cases), paged.Select(i => Text(i, "caseId")));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        var before = host.Time.GetUtcNow();
        var newest = paged[0];
        using (var read = await client.PostAsync($"api/notifications/{Text(newest, "id")}/read", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var body = await Api.ReadObject(read);
            Assert.True(body["read"]!.GetValue<bool>());
        }
        using (var again = await client.PostAsync($"api/notifications/{Text(newest, "id")}/read", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var reordered = Items(await Inbox(client));
        Assert.Equal([cases[1], cases[0], cases[2]], reordered.Select(i => Text(i, "caseId")));
        Assert.Equal([false, false, true], reordered.Select(i => i["read"]!.GetValue<bool>()));

        var changed = Items(await Inbox(client, $"?changedSince={before.AddSeconds(-1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"));
        Assert.Equal([cases[2]], changed.Select(i => Text(i, "caseId")));

        using var badSince = await client.GetAsync("api/notifications?changedSince=yesterday", Cancel);
        await Api.AssertProblem(badSince, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_partner_never_sees_another_partners_notifications()
    {
        var (one, other) = (await NewPartner(), await NewPartner());
        var organisation = await api.NewOrganisation();
        var (oneCase, _) = await api.CaseAt("PartnerAssigned", organisation, one);
        var (otherCase, _) = await api.CaseAt("PartnerAssigned", organisation, other);

        var ofOne = Assert.Single(await AtLeast(api.Partner(one), 1));
        var ofOther = Assert.Single(await AtLeast(api.Partner(other), 1));
        Assert.Equal((oneCase, otherCase), (Text(ofOne, "caseId"), Text(ofOther, "caseId")));

        using (var foreign = await api.Partner(one).PostAsync($"api/notifications/{Text(ofOther, "id")}/read", null, Cancel))
        {
            await Api.AssertProblem(foreign, HttpStatusCode.NotFound, "not-found");
        }
        Assert.False(Assert.Single(Items(await Inbox(api.Partner(other))))["read"]!.GetValue<bool>());
        using (var malformed = await api.Partner(one).PostAsync("api/notifications/not-an-id/read", null, Cancel))
        {
            await Api.AssertProblem(malformed, HttpStatusCode.NotFound, "not-found");
        }
        using var dpo = await api.Dpo().GetAsync("api/notifications", Cancel);
        await Api.AssertProblem(dpo, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_reassigned_case_tells_the_former_partner_to_stop_and_the_new_one_to_prepare()
    {
        var (former, next) = (await NewPartner(), await NewPartner());
        var (caseId, etag) = await api.CaseAt("PartnerAssigned", await api.NewOrganisation(), former);
        await Api.Do(api.Coordinator(), caseId, etag, "assign-partner", new JsonObject { ["partnerId"] = next });

        var ofFormer = await AtLeast(api.Partner(former), 2);
        Assert.Equal([("PartnerAssigned", "prepare-reception"), ("PartnerUnassigned", "stop-work")],
            ofFormer.Select(i => (Text(i, "kind"), Text(i, "expectedAction"))).Order());
        var ofNext = Assert.Single(await AtLeast(api.Partner(next), 1));
        Assert.Equal(("PartnerAssigned", caseId), (Text(ofNext, "kind"), Text(ofNext, "caseId")));
    }

    [Fact]
    public async Task A_partner_deactivated_on_another_instance_is_refused_a_case_at_once()
    {
        var partner = await NewPartner();
        var organisation = await api.NewOrganisation();
        var (id, etag) = await api.CaseAt("Accepted", organisation);
        // Another instance deactivates it: this host's reference-data snapshot still holds it as active.
        var store = host.Services.GetRequiredService<Reintegration.Azure.Cosmos.CosmosReferenceDataStore>();
        var current = (await store.ReadOrganisationAsync(partner, Cancel))!;
        await store.SaveOrganisationAsync(current.Value with { Active = false, DeactivatedAt = host.Time.GetUtcNow() }, current.ETag, Cancel);

        var (refused, _) = await Api.Act(api.Caseworker(organisation), id, etag, "assign-partner", new JsonObject { ["partnerId"] = partner });

        using (refused)
        {
            await Api.AssertProblem(refused, HttpStatusCode.UnprocessableEntity, "rule-violation");
        }
    }

    [Fact]
    public async Task Deactivating_a_partner_ends_its_subscription_and_puts_its_open_cases_on_the_coordinators_tasks()
    {
        var partner = await NewPartner();
        var (caseId, _) = await api.CaseAt("PartnerAssigned", await api.NewOrganisation(), partner);
        Assert.True(await SubscriptionExists(partner));
        var aMinuteAfterTheAssignment = host.Time.GetUtcNow().AddMinutes(1);
        host.Time.Advance(TimeSpan.FromMinutes(1));

        string deactivatedAt;
        using (var current = await api.Coordinator().GetAsync($"api/partners/{partner}", Cancel))
        using (var deactivated = await Put(api.Coordinator(), $"api/partners/{partner}", PartnerBody(active: false), current.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
            deactivatedAt = Text(await Api.ReadObject(deactivated), "deactivatedAt");
        }
        var deadline = DateTime.UtcNow + Patience;
        while (await SubscriptionExists(partner) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(150, Cancel);
        }
        Assert.False(await SubscriptionExists(partner));

        using var tasks = await api.Coordinator().GetAsync("api/tasks", Cancel);
        var reassign = Assert.Single(await Api.ReadArray(tasks), t => Text(t!.AsObject(), "kind") == "reassign-partner" && Text(t.AsObject(), "caseId") == caseId)!.AsObject();
        // Waiting since the partner stopped, at least a minute after the case came to it.
        Assert.Equal(DateTimeOffset.Parse(deactivatedAt), DateTimeOffset.Parse(Text(reassign, "waitingSince")));
        Assert.True(DateTimeOffset.Parse(deactivatedAt) >= aMinuteAfterTheAssignment, $"deactivated at {deactivatedAt}");

        using (var current = await api.Coordinator().GetAsync($"api/partners/{partner}", Cancel))
        using (var reactivated = await Put(api.Coordinator(), $"api/partners/{partner}", PartnerBody(active: true), current.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
            Assert.Null((await Api.ReadObject(reactivated))["deactivatedAt"]);
        }
        deadline = DateTime.UtcNow + Patience;
        while (!await SubscriptionExists(partner) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(150, Cancel);
        }
        Assert.Equal($"partnerId = '{partner}'", Assert.IsType<SqlRuleFilter>(Assert.Single(await RulesOf(partner)).Filter).SqlExpression);
    }
}
