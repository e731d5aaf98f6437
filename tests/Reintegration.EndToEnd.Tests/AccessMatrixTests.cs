using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>
/// Every HTTP function, for every role, for the case's own and a foreign organisation: the status
/// the caller gets. 404 hides a case outside the caller's scope; 403 refuses a role; anything else
/// means the role got past access (201, 200, or the use case's own answer such as 422).
/// </summary>
public sealed class AccessMatrixTests(LocalHostFixture host)
{
    public enum Cell { CaseworkerOwn, CaseworkerForeign, Coordinator, PartnerOwn, PartnerForeign, Dpo }

    private sealed record Setup(string CaseId, string ETag, string DocumentId);

    private sealed record Endpoint(string Function, string CaseStatus, Func<Setup, HttpRequestMessage> Request, int[] Expected);

    private const string Own = "partner-gh-1";
    private const string Foreign = "partner-ng-1";

    private static HttpRequestMessage Send(HttpMethod method, string url, JsonNode? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = Api.JsonBody(body);
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return request;
    }

    private static readonly JsonObject Report = new()
    {
        ["contactMade"] = true, ["contactMethod"] = "Phone", ["housing"] = "Stable", ["work"] = "Employed", ["incomeCoversBasicNeeds"] = true,
        ["health"] = "Good", ["familyTies"] = "Strong", ["takesPartInCommunity"] = true, ["wellbeing"] = 4, ["feelsSafe"] = true,
        ["wantsToStay"] = true, ["budgetUseOnTrack"] = true, ["narrative"] = "Fine.",
    };

    private static readonly JsonObject Upload = new() { ["type"] = "Receipt", ["fileName"] = "r.pdf", ["contentType"] = "application/pdf", ["size"] = 100 };

    // Expected status per cell, in the order of Cell: caseworker own, caseworker foreign, coordinator, partner own, partner foreign, dpo.
    private static readonly Endpoint[] Endpoints =
    [
        new("Health", "Referred", _ => Send(HttpMethod.Get, "api/health"), [200, 200, 200, 200, 200, 200]),
        new("ListCountries", "Referred", _ => Send(HttpMethod.Get, "api/countries"), [200, 200, 200, 200, 200, 200]),
        new("GetCountry", "Referred", _ => Send(HttpMethod.Get, "api/countries/GH"), [200, 200, 200, 200, 200, 200]),
        new("SetCountry", "Referred", _ => Send(HttpMethod.Put, "api/countries/XK", new JsonObject { ["name"] = "Test", ["active"] = false, ["suspensionReason"] = "Test only." }),
            [403, 403, 201, 403, 403, 403]),
        new("ListPartners", "Referred", _ => Send(HttpMethod.Get, "api/partners"), [200, 200, 200, 200, 200, 200]),
        new("GetPartner", "Referred", _ => Send(HttpMethod.Get, $"api/partners/{Own}"), [200, 200, 200, 200, 200, 200]),
        new("SetPartner", "Referred", _ => Send(HttpMethod.Put, $"api/partners/partner-test-{Guid.NewGuid():N}"[..40],
            new JsonObject { ["name"] = "Test partner", ["countries"] = new JsonArray("GH"), ["active"] = true }), [403, 403, 201, 403, 403, 403]),
        new("ListReferringOrganisations", "Referred", _ => Send(HttpMethod.Get, "api/referring-organisations"), [200, 200, 200, 200, 200, 200]),
        new("GetReferringOrganisation", "Referred", _ => Send(HttpMethod.Get, "api/referring-organisations/org-ref-demo"), [200, 200, 200, 200, 200, 200]),
        new("SetReferringOrganisation", "Referred", _ => Send(HttpMethod.Put, $"api/referring-organisations/org-ref-test-{Guid.NewGuid():N}"[..48],
            new JsonObject { ["name"] = "Test referrer", ["active"] = true }), [403, 403, 201, 403, 403, 403]),
        new("ListPhases", "Referred", _ => Send(HttpMethod.Get, "api/phases"), [200, 200, 200, 200, 200, 200]),
        new("GetPhase", "Referred", _ => Send(HttpMethod.Get, "api/phases/phase-4"), [200, 200, 200, 200, 200, 200]),
        // The DPO gets past access and meets the hold of an open case.
        new("EraseCase", "PartnerAssigned", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/erasure",
            new JsonObject { ["reason"] = "Test.", ["scope"] = "personal-data" }), [403, 404, 403, 403, 404, 409]),
        new("PreviewRetention", "Referred", _ => Send(HttpMethod.Get, "api/retention/preview"), [403, 403, 403, 403, 403, 200]),
        new("SetPhase", "Referred", _ => Send(HttpMethod.Put, $"api/phases/phase-test-{Guid.NewGuid():N}"[..40], PhaseTests.Phase(Random.Shared.Next(3000, 9000))),
            [403, 403, 201, 403, 403, 403]),
        new("RegisterReferral", "Referred", _ => Send(HttpMethod.Post, "api/referrals", Api.Referral()), [201, 201, 403, 403, 403, 403]),
        new("ListCases", "Referred", _ => Send(HttpMethod.Get, "api/cases"), [200, 200, 200, 200, 200, 200]),
        new("ListTasks", "Referred", _ => Send(HttpMethod.Get, "api/tasks"), [200, 200, 200, 200, 200, 200]),
        new("GetCase", "PartnerAssigned", s => Send(HttpMethod.Get, $"api/cases/{s.CaseId}"), [200, 404, 200, 200, 404, 200]),
        new("GetCaseTimeline", "PartnerAssigned", s => Send(HttpMethod.Get, $"api/cases/{s.CaseId}/timeline"), [200, 404, 200, 403, 404, 200]),
        new("ActOnCase", "Referred", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/actions/accept", new JsonObject(), s.ETag),
            [403, 404, 200, 404, 404, 403]),
        new("DraftPlan", "PartnerAssigned", s => Send(HttpMethod.Put, $"api/cases/{s.CaseId}/plan", Api.Plan(500m), s.ETag),
            [200, 404, 200, 200, 404, 403]),
        new("RequestDocumentUpload", "PartnerAssigned", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/documents", Upload),
            [201, 404, 201, 201, 404, 403]),
        new("CompleteDocumentUpload", "PartnerAssigned", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/documents/{s.DocumentId}/complete"),
            [422, 404, 422, 422, 404, 403]),
        new("ListDocuments", "PartnerAssigned", s => Send(HttpMethod.Get, $"api/cases/{s.CaseId}/documents"), [200, 404, 200, 200, 404, 200]),
        new("GetDocument", "PartnerAssigned", s => Send(HttpMethod.Get, $"api/cases/{s.CaseId}/documents/{s.DocumentId}"), [200, 404, 200, 200, 404, 200]),
        new("RecordSpending", "Arrived", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/spending", Spending.Request("line-1", 10m)),
            [403, 404, 403, 201, 404, 403]),
        new("AttachReceipt", "Arrived", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/spending/{Guid.NewGuid()}/receipt", new JsonObject { ["documentId"] = s.DocumentId }),
            [403, 404, 403, 422, 404, 403]),
        new("RecordCashContribution", "PlanApproved", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/cash-contribution",
            new JsonObject { ["paidOn"] = "2026-01-01", ["proofDocumentId"] = s.DocumentId }), [422, 404, 422, 422, 404, 403]),
        new("ListCheckpoints", "PartnerAssigned", s => Send(HttpMethod.Get, $"api/cases/{s.CaseId}/checkpoints"), [200, 404, 200, 200, 404, 200]),
        new("SubmitReport", "Monitoring", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/checkpoints/m1/report", Report),
            [403, 404, 403, 200, 404, 403]),
        new("WaiveCheckpoint", "Monitoring", s => Send(HttpMethod.Post, $"api/cases/{s.CaseId}/checkpoints/m1/waive",
            new JsonObject { ["reason"] = "Test." }), [403, 404, 200, 403, 404, 403]),
        new("GetBudget", "PartnerAssigned", s => Send(HttpMethod.Get, $"api/cases/{s.CaseId}/budget"), [200, 404, 200, 200, 404, 200]),
        new("CorrectPerson", "PartnerAssigned", s => Send(HttpMethod.Put, $"api/cases/{s.CaseId}/person",
            new JsonObject { ["contact"] = new JsonObject { ["phone"] = "+233 20 123 4567" } }, s.ETag), [200, 404, 403, 409, 404, 403]),
        new("GetCaseAccessLog", "PartnerAssigned", s => Send(HttpMethod.Get, $"api/cases/{s.CaseId}/access-log"), [403, 404, 403, 403, 404, 200]),
        new("ExportCase", "PartnerAssigned", s => Send(HttpMethod.Get, $"api/cases/{s.CaseId}/export"), [403, 404, 403, 403, 404, 200]),
        new("SearchAccessLog", "Referred", _ => Send(HttpMethod.Get, "api/access-log?organisationId=org-ref-demo"), [403, 403, 403, 403, 403, 200]),
        new("GetOpenApiDocument", "Referred", _ => Send(HttpMethod.Get, "api/openapi.json"), [200, 200, 200, 200, 200, 200]),
        new("GetApiDocs", "Referred", _ => Send(HttpMethod.Get, "api/docs"), [200, 200, 200, 200, 200, 200]),
        new("GetApiDocsFile", "Referred", _ => Send(HttpMethod.Get, "api/docs/docs.js"), [200, 200, 200, 200, 200, 200]),
        // A coordinator gets past access and meets the file's media type (JSON lines, not JSON).
        new("StartImport", "Referred", _ => Send(HttpMethod.Post, "api/imports", new JsonObject()), [403, 403, 415, 403, 403, 403]),
        new("GetImport", "Referred", _ => Send(HttpMethod.Get, $"api/imports/{Guid.NewGuid()}"), [403, 403, 404, 403, 403, 403]),
        new("GetCountryInformation", "Referred", _ => Send(HttpMethod.Get, "api/countries/GH/information"), [200, 200, 200, 200, 200, 200]),
        // A coordinator gets past access and is asked for If-Match.
        new("SetCountryInformation", "Referred", _ => Send(HttpMethod.Put, "api/countries/GH/information", new JsonObject
        {
            ["texts"] = new JsonArray(new JsonObject { ["language"] = "en", ["supportOffered"] = new JsonArray("Support."), ["howToReachUs"] = "Ask." }),
            ["lastReviewedOn"] = "2026-01-01",
        }), [403, 403, 428, 403, 403, 403]),
        // Figures only, small cells suppressed: every role gets those of the cases in its own scope.
        new("GetReport", "Referred", _ => Send(HttpMethod.Get, "api/reports/quarterly?from=2026-01-01&to=2026-03-31"), [200, 200, 200, 200, 200, 200]),
        // Each organisation's own inbox; the DPO audits and receives none. Another organisation's notification is as unknown as this one.
        new("ListNotifications", "Referred", _ => Send(HttpMethod.Get, "api/notifications"), [200, 200, 200, 200, 200, 403]),
        new("ReadNotification", "Referred", _ => Send(HttpMethod.Post, $"api/notifications/{Guid.NewGuid()}/read"), [404, 404, 404, 404, 404, 403]),
        new("zzUnknownRoute", "Referred", s => Send(HttpMethod.Delete, $"api/cases/{s.CaseId}"), [405, 405, 405, 405, 405, 405]),
    ];

    [Fact]
    public void The_matrix_covers_every_http_function()
    {
        var httpFunctions = typeof(Reintegration.Functions.HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                && m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name)
            .Order().ToList();
        Assert.Equal(httpFunctions, Endpoints.Select(e => e.Function).Order());
    }

    public static TheoryData<string> Functions => new(Endpoints.Select(e => e.Function));

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Each_role_gets_the_expected_answer(string function)
    {
        var endpoint = Endpoints.Single(e => e.Function == function);
        var failures = new List<string>();
        foreach (var cell in Enum.GetValues<Cell>())
        {
            var organisation = await new Api(host).NewOrganisation();
            var setup = await Prepare(endpoint.CaseStatus, organisation);
            using var request = endpoint.Request(setup);
            using var response = await ClientFor(cell, organisation).SendAsync(request);
            var expected = endpoint.Expected[(int)cell];
            if ((int)response.StatusCode != expected)
            {
                failures.Add($"{cell}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(failures.Count == 0, $"{function}:\n{string.Join("\n", failures)}");
    }

    private HttpClient ClientFor(Cell cell, string organisation) => cell switch
    {
        Cell.CaseworkerOwn => host.ClientFor("caseworker", organisation),
        Cell.CaseworkerForeign => host.ClientFor("caseworker", "org-ref-other"),
        Cell.Coordinator => host.ClientFor("coordinator", "org-coordination"),
        Cell.PartnerOwn => host.ClientFor("partner", Own),
        Cell.PartnerForeign => host.ClientFor("partner", Foreign),
        Cell.Dpo => host.ClientFor("dpo", "org-coordination"),
        _ => throw new ArgumentOutOfRangeException(nameof(cell)),
    };

    private async Task<Setup> Prepare(string status, string organisation)
    {
        var api = new Api(host);
        var (id, etag) = await api.CaseAt(status, organisation, Own, 1000m, 500m);
        if (status == "Referred")
        {
            return new Setup(id, etag, "none");
        }
        using var upload = await api.Coordinator().PostAsync($"api/cases/{id}/documents", Api.JsonBody(Upload));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var documentId = (await Api.ReadObject(upload))["document"]!["id"]!.GetValue<string>();
        return new Setup(id, etag, documentId);
    }
}
