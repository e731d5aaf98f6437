using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>What a client of the API does, in the words of the programme, for tests to read like a journey.</summary>
internal sealed class Api(LocalHostFixture host)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public LocalHostFixture Host => host;

    /// <summary>
    /// A referring organisation of its own for one test, so listings are not shared with other tests. A coordinator
    /// adds it first: tokens naming an organisation the programme does not know are refused.
    /// </summary>
    public async Task<string> NewOrganisation()
    {
        var id = $"org-ref-test-{Guid.NewGuid():N}"[..24];
        using var response = await Coordinator().PutAsync($"api/referring-organisations/{id}",
            JsonBody(new JsonObject { ["name"] = "Test referring organisation", ["active"] = true }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    public HttpClient Caseworker(string organisation = "org-ref-demo") => host.ClientFor("caseworker", organisation);
    public HttpClient Coordinator() => host.ClientFor("coordinator", "org-coordination");
    public HttpClient Partner(string partner = "partner-gh-1") => host.ClientFor("partner", partner);
    public HttpClient Dpo() => host.ClientFor("dpo", "org-coordination");

    /// <summary>Dates of birth, one per referral, so that no referral is refused as a duplicate of another test's person.</summary>
    private static int bornDays = Random.Shared.Next(0, 10_000);

    /// <summary>An adult's date of birth no other referral of this run has (the duplicate check compares names and this).</summary>
    public static string UniqueDateOfBirth()
    {
        // Never 1 January: anonymisation keeps the year as 1 January, and tests check the day is gone. Skipped, not moved
        // to the 2nd, so no two referrals of a run share a birth date (the duplicate-person check would answer 409).
        DateOnly born;
        do
        {
            born = new DateOnly(1960, 1, 1).AddDays(Interlocked.Increment(ref bornDays) % 14_000);
        }
        while (born is { Month: 1, Day: 1 });
        return born.ToString("yyyy-MM-dd");
    }

    /// <param name="dateOfBirth">The person's; by default one no other referral of the run has.</param>
    public static JsonObject Referral(string country = "GH", string category = "AsylumProcedureExhausted", string? dateOfBirth = null) => new()
    {
        ["person"] = new JsonObject
        {
            ["givenName"] = "Ama",
            ["familyName"] = "Mensah",
            ["dateOfBirth"] = dateOfBirth ?? UniqueDateOfBirth(),
            ["nationality"] = "GH",
            ["contact"] = new JsonObject { ["phone"] = "+31 6 1234 5678", ["email"] = "ama@example.org" },
        },
        ["countryOfReturn"] = country,
        ["category"] = category,
        ["familyMembers"] = new JsonArray(new JsonObject
        {
            ["givenName"] = "Kofi", ["familyName"] = "Mensah", ["dateOfBirth"] = "2018-01-05", ["relationship"] = "Child",
        }),
        ["vulnerabilities"] = new JsonArray(new JsonObject { ["kind"] = "Health", ["description"] = "Needs medication." }),
        ["consent"] = new JsonObject { ["sharingWithPartner"] = true, ["givenOn"] = "2026-01-10", ["method"] = "SignedForm" },
    };

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent JsonBody(JsonNode node) => JsonBody(node.ToJsonString());

    public static async Task<JsonObject> ReadObject(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Json))!;

    public static async Task<JsonArray> ReadArray(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>(Json))!;

    /// <summary>Registers a referral and answers the created case with its ETag.</summary>
    public async Task<(string Id, string ETag)> Refer(HttpClient caseworker, JsonObject? referral = null)
    {
        using var response = await caseworker.PostAsync("api/referrals", JsonBody(referral ?? Referral()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadObject(response);
        return (body["id"]!.GetValue<string>(), response.Headers.ETag!.Tag);
    }

    public static async Task<(HttpResponseMessage Response, string? ETag)> Act(HttpClient client, string caseId, string etag, string action,
        JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{caseId}/actions/{action}")
        {
            Content = JsonBody(body ?? new JsonObject()),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var response = await client.SendAsync(request);
        return (response, response.Headers.ETag?.Tag);
    }

    /// <summary>Takes the action and expects it to succeed; answers the new ETag.</summary>
    public static async Task<string> Do(HttpClient client, string caseId, string etag, string action, JsonObject? body = null)
    {
        var (response, newETag) = await Act(client, caseId, etag, action, body);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"{action} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return newETag!;
    }

    public static JsonObject Plan(params decimal[] amounts) => new()
    {
        ["goals"] = new JsonArray(new JsonObject { ["area"] = "OwnBusiness", ["description"] = "A tailoring shop in Kumasi." }),
        ["budgetLines"] = new JsonArray(amounts.Select(a =>
            (JsonNode)new JsonObject { ["area"] = "OwnBusiness", ["description"] = "Sewing machine and stock", ["amount"] = a }).ToArray()),
        ["cashContribution"] = 200m,
    };

    public static async Task<string> DraftPlan(HttpClient client, string caseId, string etag, JsonObject plan)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/cases/{caseId}/plan") { Content = JsonBody(plan) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"draft-plan answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.Tag;
    }

    /// <summary>A case brought through the real API to the given point of the journey.</summary>
    public async Task<(string Id, string ETag)> CaseAt(string status, string organisation = "org-ref-demo", string partner = "partner-gh-1",
        params decimal[] plan)
    {
        var caseworker = Caseworker(organisation);
        var coordinator = Coordinator();
        var (id, etag) = await Refer(caseworker);
        if (status == "Referred") return (id, etag);
        etag = await Do(coordinator, id, etag, "accept");
        if (status == "Accepted") return (id, etag);
        etag = await Do(caseworker, id, etag, "assign-partner", new JsonObject { ["partnerId"] = partner });
        if (status == "PartnerAssigned") return (id, etag);
        etag = await DraftPlan(caseworker, id, etag, Plan(plan.Length == 0 ? [1000m, 500m] : plan));
        etag = await Do(caseworker, id, etag, "submit-plan");
        if (status == "PlanSubmitted") return (id, etag);
        etag = await Do(coordinator, id, etag, "approve-plan");
        if (status == "PlanApproved") return (id, etag);
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        etag = await Do(caseworker, id, etag, "depart", new JsonObject { ["date"] = today });
        if (status == "Departed") return (id, etag);
        etag = await Do(Partner(partner), id, etag, "confirm-arrival", new JsonObject { ["date"] = today });
        if (status == "Arrived") return (id, etag);
        if (status == "Monitoring") return await MonitoringStarted(id);
        throw new ArgumentOutOfRangeException(nameof(status));
    }

    /// <summary>Waits for the queue-triggered scheduling of checkpoints that follows an arrival.</summary>
    public async Task<(string Id, string ETag)> MonitoringStarted(string caseId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Coordinator().GetAsync($"api/cases/{caseId}");
            if ((await ReadObject(response))["status"]!.GetValue<string>() == "Monitoring")
            {
                return (caseId, response.Headers.ETag!.Tag);
            }
            Assert.True(DateTime.UtcNow < deadline, "Monitoring did not start after the arrival.");
            await Task.Delay(100);
        }
    }

    public static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string typeSuffix)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal($"urn:reintegration:problem:{typeSuffix}", problem["type"]!.GetValue<string>());
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
    }
}
