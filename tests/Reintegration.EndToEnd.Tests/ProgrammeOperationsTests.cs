using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>
/// The programme's days beyond the plain journey: the partner works the plan out with the returnee, another partner or
/// another referring organisation takes a case over, a deactivated partner's cases come back to the coordinator, and
/// actions that need nothing are sent without a body.
/// </summary>
public sealed class ProgrammeOperationsTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(JsonObject Body, string ETag)> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return (await Api.ReadObject(response), response.Headers.ETag?.Tag ?? "");
    }

    private static async Task<HttpStatusCode> StatusOf(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Cancel);
        return response.StatusCode;
    }

    private static IEnumerable<string> Names(JsonNode? list) => list!.AsArray().Select(a => a!.GetValue<string>());

    private static async Task<string> Put(HttpClient client, string url, JsonObject body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Api.JsonBody(body) };
        if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        using var response = await client.SendAsync(request, Cancel);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created,
            $"PUT {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return response.Headers.ETag!.Tag;
    }

    /// <summary>A partner of the test's own covering Ghana, so deactivating it touches no other test.</summary>
    private async Task<string> NewPartner()
    {
        var partner = $"partner-gh-t-{Guid.NewGuid():N}"[..28];
        await Put(api.Coordinator(), $"api/partners/{partner}",
            new JsonObject { ["name"] = "Test partner Kumasi", ["countries"] = new JsonArray("GH"), ["active"] = true }, null);
        return partner;
    }

    [Fact]
    public async Task The_partner_drafts_revises_and_submits_the_plan_and_a_coordinator_approves_it()
    {
        var partner = api.Partner("partner-gh-1");
        var (id, etag) = await api.CaseAt("PartnerAssigned", await api.NewOrganisation(), "partner-gh-1");
        var (before, _) = await Get(partner, $"api/cases/{id}");
        Assert.True(before["canEditPlan"]!.GetValue<bool>());
        Assert.Empty(before["allowedActions"]!.AsArray());

        etag = await Api.DraftPlan(partner, id, etag, Api.Plan(900m));
        etag = await Api.DraftPlan(partner, id, etag, Api.Plan(1000m, 400m));
        var (drafted, _) = await Get(partner, $"api/cases/{id}");
        Assert.Equal(("Draft", 1400m), (drafted["plan"]!["status"]!.GetValue<string>(), drafted["plan"]!["inKindTotal"]!.GetValue<decimal>()));
        Assert.Null(drafted["plan"]!["draftedBy"]);
        Assert.Equal(["submit-plan"], Names(drafted["allowedActions"]));

        etag = await Api.Do(partner, id, etag, "submit-plan");
        var (submitted, _) = await Get(partner, $"api/cases/{id}");
        Assert.Equal(("PlanSubmitted", "Submitted"), (submitted["status"]!.GetValue<string>(), submitted["plan"]!["status"]!.GetValue<string>()));

        var (refused, _) = await Api.Act(partner, id, etag, "approve-plan");
        using (refused)
        {
            await Api.AssertProblem(refused, HttpStatusCode.Forbidden, "forbidden");
            Assert.Contains("coordinator", (await Api.ReadObject(refused))["detail"]!.GetValue<string>());
        }
        await Api.Do(api.Coordinator(), id, etag, "approve-plan");

        var (approved, _) = await Get(partner, $"api/cases/{id}");
        Assert.Equal("PlanApproved", approved["status"]!.GetValue<string>());
        Assert.Equal(1400m, approved["approvedPlan"]!["budgetLines"]!.AsArray().Sum(l => l!["amount"]!.GetValue<decimal>()));
        var (staffView, _) = await Get(api.Coordinator(), $"api/cases/{id}");
        Assert.Equal(staffView["plan"]!["draftedBy"]!.GetValue<string>(), staffView["plan"]!["submittedBy"]!.GetValue<string>());
        Assert.NotEqual(staffView["plan"]!["submittedBy"]!.GetValue<string>(), staffView["plan"]!["approvedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_foreign_partner_cannot_draft_and_a_partner_drafts_nothing_before_it_is_assigned()
    {
        var (id, etag) = await api.CaseAt("Accepted", await api.NewOrganisation());
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"api/cases/{id}/plan") { Content = Api.JsonBody(Api.Plan(500m)) })
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            using var response = await api.Partner("partner-gh-1").SendAsync(request, Cancel);
            await Api.AssertProblem(response, HttpStatusCode.NotFound, "not-found");
        }
        var (accepted, _) = await Get(api.Coordinator(), $"api/cases/{id}");
        Assert.Null(accepted["plan"]);
    }

    [Fact]
    public async Task A_reassigned_case_leaves_the_old_partner_at_once_and_its_remaining_budget_goes_to_the_new_one()
    {
        var organisation = await api.NewOrganisation();
        var (id, _) = await api.CaseAt("Monitoring", organisation, "partner-gh-1", 1000m, 500m);
        var oldPartner = api.Partner("partner-gh-1");
        var newPartner = api.Partner("partner-wa-regional");
        using (var spent = await oldPartner.PostAsync($"api/cases/{id}/spending", Api.JsonBody(Spending.Request("line-1", 300m)), Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, spent.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(newPartner, $"api/cases/{id}"));
        var (_, etag) = await Get(api.Coordinator(), $"api/cases/{id}");

        var (byCaseworker, _) = await Api.Act(api.Caseworker(organisation), id, etag, "reassign-partner",
            new JsonObject { ["partnerId"] = "partner-wa-regional", ["reason"] = "The partner stopped work in Ashanti." });
        using (byCaseworker)
        {
            await Api.AssertProblem(byCaseworker, HttpStatusCode.Forbidden, "forbidden");
        }
        var (notCovering, _) = await Api.Act(api.Coordinator(), id, etag, "reassign-partner",
            new JsonObject { ["partnerId"] = "partner-ng-1", ["reason"] = "Wrong country." });
        using (notCovering)
        {
            await Api.AssertProblem(notCovering, HttpStatusCode.UnprocessableEntity, "rule-violation");
        }
        var (noReason, _) = await Api.Act(api.Coordinator(), id, etag, "reassign-partner", new JsonObject { ["partnerId"] = "partner-wa-regional" });
        using (noReason)
        {
            await Api.AssertProblem(noReason, HttpStatusCode.BadRequest, "validation-failed");
            Assert.NotNull((await Api.ReadObject(noReason))["errors"]!["reason"]);
        }
        var (badId, _) = await Api.Act(api.Coordinator(), id, etag, "reassign-partner",
            new JsonObject { ["partnerId"] = "partner wa/../x", ["reason"] = "Odd id." });
        using (badId)
        {
            await Api.AssertProblem(badId, HttpStatusCode.BadRequest, "validation-failed");
            Assert.NotNull((await Api.ReadObject(badId))["errors"]!["partnerId"]);
        }
        Assert.Equal(HttpStatusCode.OK, await StatusOf(oldPartner, $"api/cases/{id}"));

        await Api.Do(api.Coordinator(), id, etag, "reassign-partner",
            new JsonObject { ["partnerId"] = "partner-wa-regional", ["reason"] = "The partner stopped work in Ashanti." });

        using (var gone = await oldPartner.GetAsync($"api/cases/{id}", Cancel))
        {
            await Api.AssertProblem(gone, HttpStatusCode.NotFound, "not-found");
        }
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(oldPartner, $"api/cases/{id}/budget"));
        using (var recordAfter = await oldPartner.PostAsync($"api/cases/{id}/spending", Api.JsonBody(Spending.Request("line-1", 10m)), Cancel))
        {
            await Api.AssertProblem(recordAfter, HttpStatusCode.NotFound, "not-found");
        }
        var (listed, _) = await Get(oldPartner, "api/cases?pageSize=100");
        Assert.DoesNotContain(listed["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);

        var (taken, _) = await Get(newPartner, $"api/cases/{id}");
        Assert.Equal(("partner-wa-regional", "Monitoring"), (taken["partnerId"]!.GetValue<string>(), taken["status"]!.GetValue<string>()));
        var (budget, _) = await Get(newPartner, $"api/cases/{id}/budget");
        Assert.Equal((1500m, 300m, 1200m),
            (budget["reserved"]!.GetValue<decimal>(), budget["pending"]!.GetValue<decimal>(), budget["remaining"]!.GetValue<decimal>()));
        using (var tooMuch = await newPartner.PostAsync($"api/cases/{id}/spending", Api.JsonBody(Spending.Request("line-1", 701m)), Cancel))
        {
            await Api.AssertProblem(tooMuch, HttpStatusCode.UnprocessableEntity, "rule-violation");
        }
        using (var rest = await newPartner.PostAsync($"api/cases/{id}/spending", Api.JsonBody(Spending.Request("line-1", 700m)), Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        }

        using var timelineResponse = await api.Coordinator().GetAsync($"api/cases/{id}/timeline", Cancel);
        var entry = (await Api.ReadArray(timelineResponse)).Single(t => t!["action"]!.GetValue<string>() == "reassign-partner")!;
        Assert.Equal(("coordinator", "Monitoring", "Monitoring"),
            (entry["actorRole"]!.GetValue<string>(), entry["from"]!.GetValue<string>(), entry["to"]!.GetValue<string>()));
        Assert.Equal("From partner-gh-1 to partner-wa-regional; 300.00 EUR spent stays with partner-gh-1, 1200.00 EUR still reserved moves to " +
            "partner-wa-regional: The partner stopped work in Ashanti.", entry["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deactivated_partners_open_cases_are_on_the_coordinators_tasks_until_another_partner_takes_them()
    {
        var partner = await NewPartner();
        var (id, _) = await api.CaseAt("PlanApproved", await api.NewOrganisation(), partner);
        var (closedId, closedETag) = await api.CaseAt("PartnerAssigned", await api.NewOrganisation(), partner);
        await Api.Do(api.Coordinator(), closedId, closedETag, "close", new JsonObject { ["outcome"] = "Other", ["reason"] = "Moved away." });

        async Task<List<(string Kind, string CaseId)>> CoordinatorTasks()
        {
            using var response = await api.Coordinator().GetAsync("api/tasks", Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Api.ReadArray(response)).Select(t => (t!["kind"]!.GetValue<string>(), t["caseId"]!.GetValue<string>())).ToList();
        }
        Assert.DoesNotContain(("reassign-partner", id), await CoordinatorTasks());

        var (_, partnerETag) = await Get(api.Coordinator(), $"api/partners/{partner}");
        await Put(api.Coordinator(), $"api/partners/{partner}",
            new JsonObject { ["name"] = "Test partner Kumasi", ["countries"] = new JsonArray("GH"), ["active"] = false }, partnerETag);

        var tasks = await CoordinatorTasks();
        Assert.Contains(("reassign-partner", id), tasks);
        Assert.DoesNotContain(("reassign-partner", closedId), tasks);

        var (_, etag) = await Get(api.Coordinator(), $"api/cases/{id}");
        var (toInactive, _) = await Api.Act(api.Coordinator(), id, etag, "reassign-partner",
            new JsonObject { ["partnerId"] = partner, ["reason"] = "Back to the same." });
        using (toInactive)
        {
            await Api.AssertProblem(toInactive, HttpStatusCode.UnprocessableEntity, "rule-violation");
        }
        await Api.Do(api.Coordinator(), id, etag, "reassign-partner",
            new JsonObject { ["partnerId"] = "partner-gh-1", ["reason"] = "The partner closed its office." });
        Assert.DoesNotContain(("reassign-partner", id), await CoordinatorTasks());
        Assert.Equal(HttpStatusCode.OK, await StatusOf(api.Partner("partner-gh-1"), $"api/cases/{id}"));
    }

    [Fact]
    public async Task A_transfer_moves_the_case_to_the_other_referring_organisation_and_the_timeline_says_who_from_to_and_why()
    {
        var from = await api.NewOrganisation();
        var to = await api.NewOrganisation();
        var (id, etag) = await api.CaseAt("PlanApproved", from);

        var (byCaseworker, _) = await Api.Act(api.Caseworker(from), id, etag, "transfer",
            new JsonObject { ["referringOrganisationId"] = to, ["reason"] = "Moved." });
        using (byCaseworker)
        {
            await Api.AssertProblem(byCaseworker, HttpStatusCode.Forbidden, "forbidden");
        }
        foreach (var notReferring in new[] { "partner-gh-1", "org-coordination", "org-ref-unknown" })
        {
            var (refused, _) = await Api.Act(api.Coordinator(), id, etag, "transfer",
                new JsonObject { ["referringOrganisationId"] = notReferring, ["reason"] = "Moved." });
            using (refused)
            {
                await Api.AssertProblem(refused, HttpStatusCode.UnprocessableEntity, "rule-violation");
            }
        }
        var (noOrganisation, _) = await Api.Act(api.Coordinator(), id, etag, "transfer", new JsonObject { ["reason"] = "Moved." });
        using (noOrganisation)
        {
            await Api.AssertProblem(noOrganisation, HttpStatusCode.BadRequest, "validation-failed");
            Assert.NotNull((await Api.ReadObject(noOrganisation))["errors"]!["referringOrganisationId"]);
        }
        Assert.Equal(HttpStatusCode.OK, await StatusOf(api.Caseworker(from), $"api/cases/{id}"));

        await Api.Do(api.Coordinator(), id, etag, "transfer",
            new JsonObject { ["referringOrganisationId"] = to, ["reason"] = "The person moved to Rotterdam; the local office takes over." });

        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(api.Caseworker(from), $"api/cases/{id}"));
        var (oldList, _) = await Get(api.Caseworker(from), "api/cases?pageSize=100");
        Assert.DoesNotContain(oldList["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        var (newList, _) = await Get(api.Caseworker(to), "api/cases?status=PlanApproved&pageSize=100");
        var listed = Assert.Single(newList["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(to, listed["referringOrganisationId"]!.GetValue<string>());
        var (taken, takenETag) = await Get(api.Caseworker(to), $"api/cases/{id}");
        Assert.Equal("PlanApproved", taken["status"]!.GetValue<string>());
        await Api.Do(api.Caseworker(to), id, takenETag, "depart",
            new JsonObject { ["date"] = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd") });

        using var timelineResponse = await api.Caseworker(to).GetAsync($"api/cases/{id}/timeline", Cancel);
        var entry = (await Api.ReadArray(timelineResponse)).Single(t => t!["action"]!.GetValue<string>() == "transfer")!;
        Assert.Equal(("coordinator", "org-coordination", "PlanApproved", "PlanApproved"),
            (entry["actorRole"]!.GetValue<string>(), entry["actorOrganisationId"]!.GetValue<string>(),
             entry["from"]!.GetValue<string>(), entry["to"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(entry["actorId"]!.GetValue<string>()));
        Assert.Equal($"From {from} to {to}: The person moved to Rotterdam; the local office takes over.", entry["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_action_that_needs_nothing_is_taken_without_a_body_and_one_that_needs_fields_names_them()
    {
        var (id, etag) = await api.CaseAt("Referred", await api.NewOrganisation());

        using (var rejectRequest = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{id}/actions/reject"))
        {
            rejectRequest.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            using var noReason = await api.Coordinator().SendAsync(rejectRequest, Cancel);
            await Api.AssertProblem(noReason, HttpStatusCode.BadRequest, "validation-failed");
            Assert.NotNull((await Api.ReadObject(noReason))["errors"]!["reason"]);
        }
        using (var textRequest = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{id}/actions/accept")
        {
            Content = new StringContent("accept", Encoding.UTF8, "text/plain"),
        })
        {
            textRequest.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            using var notJson = await api.Coordinator().SendAsync(textRequest, Cancel);
            await Api.AssertProblem(notJson, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        }
        using (var untyped = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{id}/actions/accept") { Content = new ByteArrayContent("{}"u8.ToArray()) })
        {
            untyped.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            using var noContentType = await api.Coordinator().SendAsync(untyped, Cancel);
            await Api.AssertProblem(noContentType, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        }
        Assert.Equal("Referred", (await Get(api.Coordinator(), $"api/cases/{id}")).Body["status"]!.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{id}/actions/accept");
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        using var accepted = await api.Coordinator().SendAsync(request, Cancel);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Accepted", (await Api.ReadObject(accepted))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Allowed_actions_are_only_what_the_actions_endpoint_takes_and_each_refusal_names_its_reason()
    {
        var organisation = await api.NewOrganisation();
        var (id, etag) = await api.CaseAt("PartnerAssigned", organisation);
        foreach (var (role, client) in new[] { ("caseworker", api.Caseworker(organisation)), ("coordinator", api.Coordinator()), ("partner", api.Partner()) })
        {
            var (view, _) = await Get(client, $"api/cases/{id}");
            Assert.True(view["canEditPlan"]!.GetValue<bool>(), role);
            foreach (var action in Names(view["allowedActions"]))
            {
                Assert.NotEqual("draft-plan", action);
            }
        }
        var (dpoView, _) = await Get(api.Dpo(), $"api/cases/{id}");
        Assert.False(dpoView["canEditPlan"]!.GetValue<bool>());
        using (var draftAction = await api.Coordinator().PostAsync($"api/cases/{id}/actions/draft-plan", Api.JsonBody(new JsonObject()), Cancel))
        {
            await Api.AssertProblem(draftAction, HttpStatusCode.NotFound, "not-found");
        }

        var (noDraft, _) = await Api.Act(api.Partner(), id, etag, "submit-plan");
        using (noDraft)
        {
            await Api.AssertProblem(noDraft, HttpStatusCode.UnprocessableEntity, "rule-violation");
            var problem = await Api.ReadObject(noDraft);
            Assert.Equal("There is no draft plan to submit.", problem["title"]!.GetValue<string>());
            Assert.Equal("draft-plan-required", problem["failedRules"]![0]!["rule"]!.GetValue<string>());
        }
        var (notYet, _) = await Api.Act(api.Coordinator(), id, etag, "approve-plan");
        using (notYet)
        {
            await Api.AssertProblem(notYet, HttpStatusCode.Conflict, "invalid-transition");
        }

        etag = await Api.DraftPlan(api.Partner(), id, etag, Api.Plan(1000m));
        etag = await Api.Do(api.Partner(), id, etag, "submit-plan");
        var (again, _) = await Api.Act(api.Coordinator(), id, etag, "submit-plan");
        using (again)
        {
            await Api.AssertProblem(again, HttpStatusCode.Conflict, "invalid-transition");
        }
        etag = await Api.Do(api.Coordinator(), id, etag, "approve-plan");
        var (approvedTwice, _) = await Api.Act(api.Coordinator(), id, etag, "approve-plan");
        using (approvedTwice)
        {
            await Api.AssertProblem(approvedTwice, HttpStatusCode.UnprocessableEntity, "rule-violation");
            Assert.Equal("submitted-plan-required", (await Api.ReadObject(approvedTwice))["failedRules"]![0]!["rule"]!.GetValue<string>());
        }
    }
}
