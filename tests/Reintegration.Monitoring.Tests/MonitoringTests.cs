using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using ApiClient = Reintegration.EndToEnd.Tests.Api;
using Reintegration.Testing;

namespace Reintegration.Monitoring.Tests;

/// <summary>
/// Arrival, checkpoints, the clock moved, notifications on the partners' subscriptions. One class,
/// so its tests run one after another on the shared clock, which only ever moves forward.
/// </summary>
public sealed class MonitoringTests(MonitoringHostFixture host) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ApiClient api = new(host);
    private readonly Notifications notifications = new(host.StandIns.ServiceBus.ConnectionString);

    public ValueTask DisposeAsync() => notifications.DisposeAsync();

    private async Task<JsonObject> Case(string id) =>
        await ApiClient.ReadObject(await api.Coordinator().GetAsync($"api/cases/{id}"));

    private async Task<JsonArray> Checkpoints(string id)
    {
        using var response = await api.Coordinator().GetAsync($"api/cases/{id}/checkpoints");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiClient.ReadArray(response);
    }

    /// <summary>A case whose returnee arrived today; waits until the queue has scheduled its checkpoints.</summary>
    private async Task<string> ArrivedAndMonitored(string organisation = "org-ref-demo", string partner = "partner-gh-1")
    {
        var (id, _) = await api.CaseAt("Arrived", organisation, partner);
        await Eventually.Get(() => Case(id), c => c["status"]!.GetValue<string>() == "Monitoring", Patience);
        return id;
    }

    private void Advance(int days) => host.Time.Advance(TimeSpan.FromDays(days));

    private static JsonObject Report(int wellbeing = 4) => new()
    {
        ["contactMade"] = true, ["contactMethod"] = "InPerson", ["housing"] = "Temporary", ["work"] = "SelfEmployed",
        ["incomeCoversBasicNeeds"] = false, ["health"] = "Limited", ["familyTies"] = "Strong", ["takesPartInCommunity"] = true,
        ["wellbeing"] = wellbeing, ["feelsSafe"] = true, ["wantsToStay"] = true, ["budgetUseOnTrack"] = true,
        ["narrative"] = "The shop opened in the second week; first customers are neighbours.",
    };

    private async Task<HttpResponseMessage> SubmitReport(string caseId, string checkpointId, JsonObject report, string partner = "partner-gh-1") =>
        await api.Partner(partner).PostAsync($"api/cases/{caseId}/checkpoints/{checkpointId}/report", ApiClient.JsonBody(report));

    [Fact]
    public async Task Arrival_schedules_the_checkpoints_from_the_phase_once_even_when_asked_twice()
    {
        var id = await ArrivedAndMonitored();
        var arrivedOn = DateOnly.Parse((await Case(id))["arrivedOn"]!.GetValue<string>());

        var checkpoints = await Checkpoints(id);
        Assert.Equal(["m1", "m3", "m6", "m12"], checkpoints.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal([arrivedOn.AddMonths(1), arrivedOn.AddMonths(3), arrivedOn.AddMonths(6), arrivedOn.AddMonths(12)],
            checkpoints.Select(c => DateOnly.Parse(c!["dueOn"]!.GetValue<string>())));
        Assert.All(checkpoints, c => Assert.Equal("Scheduled", c!["status"]!.GetValue<string>()));

        var queue = new QueueClient(host.StandIns.Azurite.ConnectionString, "checkpoint-scheduling",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.SendMessageAsync($"{{\"caseId\":\"{id}\"}}");
        await Eventually.Get(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount, n => n == 0, Patience);

        Assert.Equal(4, (await Checkpoints(id)).Count);
        using var timeline = await api.Coordinator().GetAsync($"api/cases/{id}/timeline");
        Assert.Single(await ApiClient.ReadArray(timeline), t => t!["action"]!.GetValue<string>() == "start-monitoring");
    }

    [Fact]
    public async Task The_ghana_partner_is_reminded_then_alerted_and_escalated_and_the_nigeria_partner_hears_nothing()
    {
        var id = await ArrivedAndMonitored();
        var dueOn = DateOnly.Parse((await Checkpoints(id))[0]!["dueOn"]!.GetValue<string>());
        var today = () => DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);

        Advance(dueOn.DayNumber - today().DayNumber - 6);
        var reminded = await notifications.AtLeast("partner-gh-1", id, 1, Patience);
        var reminder = Assert.Single(reminded);
        Assert.Equal(("Reminder", "m1"), (reminder.Kind, reminder.CheckpointId));
        Assert.Null(reminder.Body["initials"]);
        Assert.DoesNotContain("Mensah", reminder.Body.ToJsonString());
        Assert.Equal("submit-report", reminder.Body["expectedAction"]!.GetValue<string>());
        Assert.Equal(dueOn.ToString("yyyy-MM-dd"), reminder.Body["dueOn"]!.GetValue<string>());
        Assert.StartsWith($"{id}/m1/Reminder/", reminder.MessageId);

        using (var tasks = await api.Partner().GetAsync("api/tasks"))
        {
            Assert.Contains(await ApiClient.ReadArray(tasks), t => t!["caseId"]!.GetValue<string>() == id && t["kind"]!.GetValue<string>() == "submit-report");
        }

        Advance(6 + 14 + 1);
        var alerted = await notifications.AtLeast("partner-gh-1", id, 2, Patience);
        Assert.Equal(["Reminder", "Overdue"], alerted.Select(n => n.Kind));
        Assert.Equal("Overdue", (await Checkpoints(id))[0]!["status"]!.GetValue<string>());

        Advance(15);
        var escalated = await notifications.AtLeast("org-ref-demo", id, 1, Patience);
        Assert.Equal(("Escalation", "m1"), (Assert.Single(escalated).Kind, escalated[0].CheckpointId));
        Assert.Single(await notifications.AtLeast("coordination", id, 1, Patience));
        using (var tasks = await api.Caseworker("org-ref-demo").GetAsync("api/tasks"))
        {
            Assert.Contains(await ApiClient.ReadArray(tasks), t => t!["caseId"]!.GetValue<string>() == id && t["kind"]!.GetValue<string>() == "overdue-report");
        }

        Assert.Empty(await notifications.ForCase("partner-ng-1", id, TimeSpan.FromSeconds(2)));
        // The partner who must still report is told of the escalation too.
        Assert.Equal(["Reminder", "Overdue", "Escalation"], (await notifications.AtLeast("partner-gh-1", id, 3, Patience)).Select(n => n.Kind));
    }

    [Fact]
    public async Task The_partner_of_a_checkpoint_first_seen_40_days_overdue_is_told_as_are_the_referring_organisation_and_the_coordination()
    {
        var id = await ArrivedAndMonitored();
        var dueOn = DateOnly.Parse((await Checkpoints(id))[0]!["dueOn"]!.GetValue<string>());
        Advance(dueOn.DayNumber - DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).DayNumber + 40);

        var told = Assert.Single(await notifications.AtLeast("partner-gh-1", id, 1, Patience));
        Assert.Equal(("Escalation", "m1", "submit-report"), (told.Kind, told.CheckpointId, told.Body["expectedAction"]!.GetValue<string>()));
        Assert.Equal("Escalation", Assert.Single(await notifications.AtLeast("org-ref-demo", id, 1, Patience)).Kind);
        Assert.Equal("Escalation", Assert.Single(await notifications.AtLeast("coordination", id, 1, Patience)).Kind);

        // The same notification in each inbox, with the action each is expected to take; and on each one's task list.
        Assert.Equal("submit-report", (await InboxItem(api.Partner(), id, "Escalation"))["expectedAction"]!.GetValue<string>());
        Assert.Equal("overdue-report", (await InboxItem(api.Caseworker("org-ref-demo"), id, "Escalation"))["expectedAction"]!.GetValue<string>());
        Assert.Equal("overdue-report", (await InboxItem(api.Coordinator(), id, "Escalation"))["expectedAction"]!.GetValue<string>());
        Assert.Contains(await Tasks(api.Partner()), t => t == ("submit-report", id));
        Assert.Contains(await Tasks(api.Caseworker("org-ref-demo")), t => t == ("overdue-report", id));
        Assert.Contains(await Tasks(api.Coordinator()), t => t == ("overdue-report", id));
    }

    private static async Task<List<(string Kind, string CaseId)>> Tasks(HttpClient client)
    {
        using var response = await client.GetAsync("api/tasks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiClient.ReadArray(response)).Select(t => (t!["kind"]!.GetValue<string>(), t["caseId"]!.GetValue<string>())).ToList();
    }

    /// <summary>The organisation's inbox item of that kind for the case, read page by page.</summary>
    private static async Task<JsonObject> InboxItem(HttpClient client, string caseId, string kind)
    {
        string? token = null;
        do
        {
            using var response = await client.GetAsync($"api/notifications?pageSize=100{(token is null ? "" : $"&continuationToken={token}")}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await ApiClient.ReadObject(response);
            if (page["items"]!.AsArray().FirstOrDefault(i => i!["caseId"]!.GetValue<string>() == caseId && i["kind"]!.GetValue<string>() == kind) is { } item)
            {
                return item.AsObject();
            }
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        Assert.Fail($"No {kind} notification of case {caseId} in the inbox.");
        return null!;
    }

    [Fact]
    public async Task Withdrawn_consent_hides_the_case_from_the_partner_tells_it_the_case_is_paused_and_pauses_its_alerts()
    {
        var id = await ArrivedAndMonitored();
        using var current = await api.Coordinator().GetAsync($"api/cases/{id}");
        using var withdraw = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{id}/actions/withdraw-consent")
        {
            Content = ApiClient.JsonBody(new JsonObject { ["date"] = "2026-01-15", ["method"] = "Verbal", ["reason"] = "The person asked to stop sharing." }),
        };
        withdraw.Headers.IfMatch.Add(current.Headers.ETag!);
        using var withdrawn = await api.Caseworker().SendAsync(withdraw);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        using (var hidden = await api.Partner().GetAsync($"api/cases/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        var paused = Assert.Single(await notifications.AtLeast("partner-gh-1", id, 1, Patience));
        Assert.Equal("CasePaused", paused.Kind);
        Assert.Null(paused.Body["initials"]);
        Assert.DoesNotContain("Mensah", paused.Body.ToJsonString());

        var dueOn = DateOnly.Parse((await Checkpoints(id))[0]!["dueOn"]!.GetValue<string>());
        Advance(dueOn.DayNumber - DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).DayNumber + 20);
        Assert.Single(await notifications.ForCase("partner-gh-1", id, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_report_stops_the_alerts_of_its_checkpoint()
    {
        var id = await ArrivedAndMonitored();
        using (var reported = await SubmitReport(id, "m1", Report()))
        {
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        }
        Advance(50);
        Assert.Empty(await notifications.ForCase("partner-gh-1", id, TimeSpan.FromSeconds(5)));
        Assert.Equal("Submitted", (await Checkpoints(id))[0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_late_report_is_accepted_marked_late_and_scored()
    {
        var id = await ArrivedAndMonitored();
        Advance(40);
        using var reported = await SubmitReport(id, "m1", Report(wellbeing: 4));
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);

        var m1 = (await Checkpoints(id))[0]!;
        Assert.Equal("Late", m1["status"]!.GetValue<string>());
        var scores = m1["report"]!["scores"]!;
        // economic: (self-employed 1 + income 0 + temporary housing 0.5) / 3; social: (strong ties 1 + community 1 + limited health 0.5) / 3;
        // psychosocial: ((4-1)/4 + safe 1 + stays 1) / 3. See docs/monitoring-scores.md.
        Assert.Equal((0.50m, 0.83m, 0.92m),
            (scores["economic"]!.GetValue<decimal>(), scores["social"]!.GetValue<decimal>(), scores["psychosocial"]!.GetValue<decimal>()));

        using var again = await SubmitReport(id, "m1", Report());
        await ApiClient.AssertProblem(again, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Only_the_assigned_partner_reports_and_only_a_coordinator_waives()
    {
        var id = await ArrivedAndMonitored();
        using (var foreign = await SubmitReport(id, "m1", Report(), partner: "partner-ng-1"))
        {
            await ApiClient.AssertProblem(foreign, HttpStatusCode.NotFound, "not-found");
        }
        using (var caseworker = await api.Caseworker().PostAsync($"api/cases/{id}/checkpoints/m1/report", ApiClient.JsonBody(Report())))
        {
            await ApiClient.AssertProblem(caseworker, HttpStatusCode.Forbidden, "forbidden");
        }
        using (var bad = await SubmitReport(id, "m1", Report(wellbeing: 9)))
        {
            await ApiClient.AssertProblem(bad, HttpStatusCode.BadRequest, "validation-failed");
        }
        var waive = ApiClient.JsonBody(new JsonObject { ["reason"] = "Returnee moved to a region the partner cannot reach." });
        using (var byPartner = await api.Partner().PostAsync($"api/cases/{id}/checkpoints/m3/waive", waive))
        {
            await ApiClient.AssertProblem(byPartner, HttpStatusCode.Forbidden, "forbidden");
        }
        using var waived = await api.Coordinator().PostAsync($"api/cases/{id}/checkpoints/m3/waive",
            ApiClient.JsonBody(new JsonObject { ["reason"] = "Returnee moved to a region the partner cannot reach." }));
        Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
        Assert.Equal("Waived", (await Checkpoints(id))[1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_the_last_checkpoint_the_case_closes_as_completed()
    {
        var id = await ArrivedAndMonitored();
        var etag = (await api.Coordinator().GetAsync($"api/cases/{id}")).Headers.ETag!.Tag;
        var (early, _) = await ApiClient.Act(api.Coordinator(), id, etag, "close", new JsonObject { ["outcome"] = "Completed", ["reason"] = "Too early." });
        using (early)
        {
            await ApiClient.AssertProblem(early, HttpStatusCode.UnprocessableEntity, "rule-violation");
        }
        foreach (var checkpoint in new[] { "m1", "m3", "m6", "m12" })
        {
            using var reported = await SubmitReport(id, checkpoint, Report());
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        }
        etag = (await api.Coordinator().GetAsync($"api/cases/{id}")).Headers.ETag!.Tag;
        await ApiClient.Do(api.Coordinator(), id, etag, "close", new JsonObject { ["outcome"] = "Completed", ["reason"] = "A year of monitoring done." });
        Assert.Equal("Completed", (await Case(id))["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_answers_503_naming_service_bus_while_it_is_down()
    {
        await host.StandIns.ServiceBus.StopAsync();
        try
        {
            using var down = await host.Client.GetAsync("api/health");
            await ApiClient.AssertProblem(down, HttpStatusCode.ServiceUnavailable, "dependency-unavailable");
            var problem = JsonNode.Parse(await down.Content.ReadAsStringAsync())!;
            Assert.Contains("serviceBus", problem["title"]!.GetValue<string>());
            Assert.Equal("Healthy", problem["dependencies"]!["cosmosDb"]!.GetValue<string>());
            Assert.NotEqual("Healthy", problem["dependencies"]!["serviceBus"]!.GetValue<string>());
        }
        finally
        {
            await host.StandIns.ServiceBus.RestartAsync();
        }
        await Eventually.Get(async () => (await host.Client.GetAsync("api/health")).StatusCode, s => s == HttpStatusCode.OK, Patience);
    }

    [Fact]
    public async Task When_service_bus_is_down_the_alert_waits_and_arrives_exactly_once_when_it_is_back()
    {
        var id = await ArrivedAndMonitored(partner: "partner-wa-regional");
        var dueOn = DateOnly.Parse((await Checkpoints(id))[0]!["dueOn"]!.GetValue<string>());
        var serviceBus = host.StandIns.ServiceBus;

        await serviceBus.StopAsync();
        try
        {
            Advance(dueOn.DayNumber - DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).DayNumber - 6);
            // The job recorded the reminder with the case and tried to deliver it; the queue gives up into its poison queue.
            var poison = new QueueClient(host.StandIns.Azurite.ConnectionString, "notification-delivery-poison");
            await Eventually.Get(async () => await poison.ExistsAsync() && (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0,
                found => found, Patience);
            Assert.Equal("Monitoring", (await Case(id))["status"]!.GetValue<string>());
        }
        finally
        {
            await serviceBus.RestartAsync();
        }

        Advance(1);
        var delivered = await notifications.AtLeast("partner-wa-regional", id, 1, Patience);
        Advance(1);
        delivered = await notifications.ForCase("partner-wa-regional", id, TimeSpan.FromSeconds(5));
        var reminder = Assert.Single(delivered);
        Assert.Equal(("Reminder", "m1"), (reminder.Kind, reminder.CheckpointId));
    }

    [Fact]
    public async Task An_alert_not_yet_sent_goes_to_the_partner_that_takes_the_case_over_and_the_old_one_hears_nothing()
    {
        var id = await ArrivedAndMonitored(partner: "partner-gh-1");
        var dueOn = DateOnly.Parse((await Checkpoints(id))[0]!["dueOn"]!.GetValue<string>());
        async Task<string> CurrentETag()
        {
            using var response = await api.Coordinator().GetAsync($"api/cases/{id}");
            return response.Headers.ETag!.Tag;
        }
        var serviceBus = host.StandIns.ServiceBus;

        await serviceBus.StopAsync();
        try
        {
            var monitored = await CurrentETag();
            Advance(dueOn.DayNumber - DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).DayNumber - 6);
            // The deadline job records the reminder with the case (a new version) and cannot deliver it.
            var reminded = await Eventually.Get(CurrentETag, etag => etag != monitored, Patience);
            await ApiClient.Do(api.Coordinator(), id, reminded, "reassign-partner",
                new JsonObject { ["partnerId"] = "partner-wa-regional", ["reason"] = "The partner stopped work in Ashanti." });
        }
        finally
        {
            await serviceBus.RestartAsync();
        }

        Advance(1);
        var delivered = await notifications.AtLeast("partner-wa-regional", id, 1, Patience);
        Assert.Equal(("Reminder", "m1"), (Assert.Single(delivered).Kind, delivered[0].CheckpointId));
        Assert.Empty(await notifications.ForCase("partner-gh-1", id, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_caseworker_acts_on_the_version_answered_while_service_bus_was_down_after_the_queued_notice_went_out()
    {
        var (id, submitted) = await api.CaseAt("PlanSubmitted", partner: "partner-wa-regional");
        async Task<string> CurrentETag()
        {
            using var response = await api.Coordinator().GetAsync($"api/cases/{id}");
            return response.Headers.ETag!.Tag;
        }
        var serviceBus = host.StandIns.ServiceBus;

        string approved;
        await serviceBus.StopAsync();
        try
        {
            // The partner's notice cannot go out with the approval; the answer carries the version with it unsent.
            approved = await ApiClient.Do(api.Coordinator(), id, submitted, "approve-plan");
        }
        finally
        {
            await serviceBus.RestartAsync();
        }
        Advance(1);
        await Eventually.Get(() => notifications.ForCase("partner-wa-regional", id, TimeSpan.Zero, journey: true),
            got => got.Any(n => n.Kind == "PlanApproved"), Patience);
        // Marking the notice sent wrote the case again; the version answered to the coordinator's change stays current.
        await Eventually.Get(CurrentETag, etag => etag != approved, Patience);

        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        await ApiClient.Do(api.Caseworker(), id, approved, "depart", new JsonObject { ["date"] = today });

        Assert.Equal("Departed", (await Case(id))["status"]!.GetValue<string>());
        var delivered = await notifications.ForCase("partner-wa-regional", id, TimeSpan.FromSeconds(2), journey: true);
        Assert.Single(delivered, n => n.Kind == "PlanApproved");
    }
}
