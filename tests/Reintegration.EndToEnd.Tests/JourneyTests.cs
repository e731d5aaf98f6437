using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>A case from referral to closure through the HTTP API alone, and the refusals on the way.</summary>
public sealed class JourneyTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private static async Task<JsonObject> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.ReadObject(response);
    }

    [Fact]
    public async Task A_case_goes_from_referral_to_closure_with_every_step_recorded()
    {
        var organisation = await api.NewOrganisation();
        var caseworker = api.Caseworker(organisation);
        var coordinator = api.Coordinator();
        var partner = api.Partner();
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

        var (id, etag) = await api.Refer(caseworker);
        Assert.Equal(["withdraw", "close"], (await Get(caseworker, $"api/cases/{id}"))["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["accept", "reject", "withdraw", "close", "transfer"],
            (await Get(coordinator, $"api/cases/{id}"))["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));

        etag = await Api.Do(coordinator, id, etag, "accept", new JsonObject { ["reason"] = "Eligible and ready." });
        etag = await Api.Do(caseworker, id, etag, "assign-partner", new JsonObject { ["partnerId"] = "partner-gh-1" });
        Assert.Empty((await Get(partner, $"api/cases/{id}"))["allowedActions"]!.AsArray());
        etag = await Api.DraftPlan(caseworker, id, etag, Api.Plan(1200m, 800m));
        etag = await Api.Do(caseworker, id, etag, "submit-plan");
        etag = await Api.Do(coordinator, id, etag, "approve-plan");
        etag = await Api.Do(caseworker, id, etag, "depart", new JsonObject { ["date"] = today });
        Assert.Equal(["confirm-arrival"], (await Get(partner, $"api/cases/{id}"))["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        etag = await Api.Do(partner, id, etag, "confirm-arrival", new JsonObject { ["date"] = today });

        // A queue-triggered function schedules the checkpoints and starts monitoring.
        await api.MonitoringStarted(id);
        using (var checkpoints = await coordinator.GetAsync($"api/cases/{id}/checkpoints"))
        {
            foreach (var checkpoint in await Api.ReadArray(checkpoints))
            {
                using var waived = await coordinator.PostAsync($"api/cases/{id}/checkpoints/{checkpoint!["id"]!.GetValue<string>()}/waive",
                    Api.JsonBody(new JsonObject { ["reason"] = "Returnee settled elsewhere; the partner visited in person." }));
                Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
            }
        }
        using (var current = await coordinator.GetAsync($"api/cases/{id}"))
        {
            etag = current.Headers.ETag!.Tag;
        }
        etag = await Api.Do(coordinator, id, etag, "close", new JsonObject { ["outcome"] = "Completed", ["reason"] = "Settled, own shop running." });

        var closed = await Get(caseworker, $"api/cases/{id}");
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        Assert.Equal("Completed", closed["outcome"]!.GetValue<string>());
        Assert.Equal(2000m, closed["approvedPlan"]!["budgetLines"]!.AsArray().Sum(l => l!["amount"]!.GetValue<decimal>()));
        Assert.Empty(closed["allowedActions"]!.AsArray());

        using var timelineResponse = await api.Dpo().GetAsync($"api/cases/{id}/timeline");
        var timeline = await Api.ReadArray(timelineResponse);
        Assert.Equal(["refer", "accept", "assign-partner", "draft-plan", "submit-plan", "approve-plan", "depart", "confirm-arrival",
                "start-monitoring", "waive-checkpoint", "waive-checkpoint", "waive-checkpoint", "waive-checkpoint", "close"],
            timeline.Select(t => t!["action"]!.GetValue<string>()));
        var arrival = timeline[7]!;
        Assert.Equal(("partner", "partner-gh-1", "Departed", "Arrived"),
            (arrival["actorRole"]!.GetValue<string>(), arrival["actorOrganisationId"]!.GetValue<string>(),
             arrival["from"]!.GetValue<string>(), arrival["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_action_not_allowed_now_answers_409_with_the_status_and_the_allowed_actions()
    {
        var (id, etag) = await api.CaseAt("Referred");
        var (response, _) = await Api.Act(api.Caseworker(), id, etag, "depart", new JsonObject { ["date"] = "2026-01-01" });
        using (response)
        {
            await Api.AssertProblem(response, HttpStatusCode.Conflict, "invalid-transition");
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("Referred", problem["currentStatus"]!.GetValue<string>());
            Assert.Equal(["withdraw", "close"], problem["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_stale_etag_answers_412_with_the_current_etag_and_changes_nothing()
    {
        var (id, etag) = await api.CaseAt("Referred");
        var current = await Api.Do(api.Coordinator(), id, etag, "accept");

        var (response, _) = await Api.Act(api.Coordinator(), id, etag, "reject", new JsonObject { ["reason"] = "Late decision." });
        using (response)
        {
            await Api.AssertProblem(response, HttpStatusCode.PreconditionFailed, "stale-version");
            Assert.Equal(current, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["currentETag"]!.GetValue<string>());
        }
        Assert.Equal("Accepted", (await Get(api.Coordinator(), $"api/cases/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_without_if_match_answers_428()
    {
        var (id, _) = await api.CaseAt("Referred");
        using var response = await api.Coordinator().PostAsync($"api/cases/{id}/actions/accept", Api.JsonBody(new JsonObject()));
        await Api.AssertProblem(response, HttpStatusCode.PreconditionRequired, "precondition-required");
    }

    [Fact]
    public async Task A_rejection_without_a_reason_answers_400_and_an_unknown_action_404()
    {
        var (id, etag) = await api.CaseAt("Referred");
        var (rejected, _) = await Api.Act(api.Coordinator(), id, etag, "reject");
        using (rejected)
        {
            await Api.AssertProblem(rejected, HttpStatusCode.BadRequest, "validation-failed");
        }
        var (unknown, _) = await Api.Act(api.Coordinator(), id, etag, "teleport");
        using (unknown)
        {
            await Api.AssertProblem(unknown, HttpStatusCode.NotFound, "not-found");
        }
    }

    [Fact]
    public async Task A_partner_that_does_not_cover_the_country_cannot_be_assigned()
    {
        var (id, etag) = await api.CaseAt("Accepted");
        var (response, _) = await Api.Act(api.Caseworker(), id, etag, "assign-partner", new JsonObject { ["partnerId"] = "partner-ng-1" });
        using (response)
        {
            await Api.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "rule-violation");
        }
    }

    [Fact]
    public async Task A_plan_above_the_ceiling_is_approved_by_a_coordinator_only_with_a_reason()
    {
        var coordinator = api.Coordinator();
        var (id, etag) = await api.CaseAt("PlanSubmitted", plan: [6000m]);
        var (refused, _) = await Api.Act(coordinator, id, etag, "approve-plan");
        using (refused)
        {
            await Api.AssertProblem(refused, HttpStatusCode.UnprocessableEntity, "rule-violation");
        }
        await Api.Do(coordinator, id, etag, "approve-plan", new JsonObject { ["reason"] = "Medical equipment for a disabled child." });
        var approved = await Get(coordinator, $"api/cases/{id}");
        Assert.False(approved["approvedPlan"]!["assessment"]!["withinPolicy"]!.GetValue<bool>());
        Assert.Equal("Medical equipment for a disabled child.", approved["approvedPlan"]!["approvalReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Twenty_concurrent_changes_to_one_case_lose_nothing_and_every_refusal_is_a_412()
    {
        var caseworker = api.Caseworker();
        var (id, etag) = await api.CaseAt("PartnerAssigned");
        var current = etag;
        var accepted = new List<decimal>();
        var refused = 0;
        // Twenty clients race with the ETag they read; each one that loses reads again and retries, as a client should.
        await Task.WhenAll(Enumerable.Range(1, 20).Select(async n =>
        {
            var amount = 100m + n;
            var seen = current;
            for (var attempt = 0; attempt < 50; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, $"api/cases/{id}/plan") { Content = Api.JsonBody(Api.Plan(amount)) };
                request.Headers.IfMatch.Add(new EntityTagHeaderValue(seen));
                using var response = await caseworker.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    lock (accepted) accepted.Add(amount);
                    return;
                }
                Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
                Interlocked.Increment(ref refused);
                seen = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["currentETag"]!.GetValue<string>();
            }
        }));

        Assert.Equal(20, accepted.Count);
        Assert.True(refused > 0, "The clients never raced.");
        using var timelineResponse = await caseworker.GetAsync($"api/cases/{id}/timeline");
        var drafts = (await Api.ReadArray(timelineResponse)).Count(t => t!["action"]!.GetValue<string>() == "draft-plan");
        Assert.Equal(20, drafts);
        var plan = (await Get(caseworker, $"api/cases/{id}"))["plan"]!;
        Assert.Equal(20, plan["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_suspended_country_blocks_new_referrals_and_departures_but_its_cases_stay_readable()
    {
        var coordinator = api.Coordinator();
        var organisation = await api.NewOrganisation();
        var caseworker = api.Caseworker(organisation);
        var referral = Api.Referral(country: "TJ");
        var (id, etag) = await api.Refer(caseworker, referral);
        etag = await Api.Do(coordinator, id, etag, "accept");
        etag = await Api.Do(caseworker, id, etag, "assign-partner", new JsonObject { ["partnerId"] = "partner-tj-1" });
        etag = await Api.DraftPlan(caseworker, id, etag, Api.Plan(900m));
        etag = await Api.Do(caseworker, id, etag, "submit-plan");
        etag = await Api.Do(coordinator, id, etag, "approve-plan");

        using var countryResponse = await coordinator.GetAsync("api/countries/TJ");
        var countryETag = countryResponse.Headers.ETag!;
        using var suspend = new HttpRequestMessage(HttpMethod.Put, "api/countries/TJ")
        {
            Content = Api.JsonBody(new JsonObject { ["name"] = "Tajikistan", ["active"] = false, ["suspensionReason"] = "Return not safe at present." }),
        };
        suspend.Headers.IfMatch.Add(countryETag);
        using (var suspended = await coordinator.SendAsync(suspend))
        {
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        }
        try
        {
            using var newReferral = await caseworker.PostAsync("api/referrals", Api.JsonBody(referral));
            await Api.AssertProblem(newReferral, HttpStatusCode.UnprocessableEntity, "rule-violation");
            var (departure, _) = await Api.Act(caseworker, id, etag, "depart", new JsonObject { ["date"] = "2026-01-01" });
            using (departure)
            {
                await Api.AssertProblem(departure, HttpStatusCode.UnprocessableEntity, "rule-violation");
            }
            Assert.Equal("PlanApproved", (await Get(caseworker, $"api/cases/{id}"))["status"]!.GetValue<string>());
            using var countries = await host.Client.GetAsync("api/countries");
            Assert.DoesNotContain(await Api.ReadArray(countries), c => c!["code"]!.GetValue<string>() == "TJ");
        }
        finally
        {
            using var current = await coordinator.GetAsync("api/countries/TJ");
            using var reactivate = new HttpRequestMessage(HttpMethod.Put, "api/countries/TJ")
            {
                Content = Api.JsonBody(new JsonObject { ["name"] = "Tajikistan", ["active"] = true }),
            };
            reactivate.Headers.IfMatch.Add(current.Headers.ETag!);
            using var reactivated = await coordinator.SendAsync(reactivate);
            Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
        }
    }

    [Fact]
    public async Task Tasks_show_each_role_its_open_work_oldest_first()
    {
        var organisation = await api.NewOrganisation();
        var (referred, _) = await api.CaseAt("Referred", organisation);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var (accepted, _) = await api.CaseAt("Accepted", organisation);
        var (assigned, _) = await api.CaseAt("PartnerAssigned", organisation, partner: "partner-wa-regional");
        var (submitted, _) = await api.CaseAt("PlanSubmitted", organisation, partner: "partner-wa-regional");

        async Task<List<(string Kind, string CaseId)>> TasksOf(HttpClient client)
        {
            using var response = await client.GetAsync("api/tasks");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Api.ReadArray(response)).Select(t => (t!["kind"]!.GetValue<string>(), t["caseId"]!.GetValue<string>())).ToList();
        }

        var caseworkerTasks = await TasksOf(api.Caseworker(organisation));
        Assert.Equal([("assign-partner", accepted), ("draft-plan", assigned)], caseworkerTasks);
        var coordinatorTasks = await TasksOf(api.Coordinator());
        // The coordinator's list holds at most MaxPerKind of a kind, oldest first: other tests' older referrals on this
        // shared host may fill it, and then this one waits behind them.
        var decisions = coordinatorTasks.Where(t => t.Kind == "decide-referral").ToList();
        Assert.True(decisions.Contains(("decide-referral", referred)) || decisions.Count == Core.Tasks.TaskList.MaxPerKind);
        Assert.Contains(("approve-plan", submitted), coordinatorTasks);
        if (decisions.Contains(("decide-referral", referred)))
        {
            Assert.True(coordinatorTasks.IndexOf(("decide-referral", referred)) < coordinatorTasks.IndexOf(("approve-plan", submitted)));
        }
        Assert.Empty(await TasksOf(api.Dpo()));
    }
}
