using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>
/// Coordinators maintain referring organisations; every token's organisation must be an active one of the kind its
/// role works for, so a deactivated organisation's people are shut out at once and a mistyped claim reaches nothing.
/// </summary>
public sealed class OrganisationTests(LocalHostFixture host)
{
    private readonly Api api = new(host);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonObject Referring(string name = "Gemeente Testdorp", bool active = true) =>
        new() { ["name"] = name, ["active"] = active };

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..32];

    private async Task<HttpResponseMessage> Put(HttpClient client, string url, JsonObject body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Api.JsonBody(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return await client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task A_coordinator_adds_and_changes_a_referring_organisation_with_its_etag()
    {
        var id = NewId("org-ref");
        var coordinator = api.Coordinator();

        using var created = await Put(coordinator, $"api/referring-organisations/{id}", Referring());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/referring-organisations/{id}", created.Headers.Location!.OriginalString);
        var createdETag = created.Headers.ETag!.Tag;

        using var read = await api.Caseworker().GetAsync($"api/referring-organisations/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(createdETag, read.Headers.ETag!.Tag);
        var body = await Api.ReadObject(read);
        Assert.Equal("Gemeente Testdorp", body["name"]!.GetValue<string>());
        Assert.True(body["active"]!.GetValue<bool>());

        using var withoutIfMatch = await Put(coordinator, $"api/referring-organisations/{id}", Referring("Renamed"));
        await Api.AssertProblem(withoutIfMatch, HttpStatusCode.PreconditionRequired, "precondition-required");
        using var stale = await Put(coordinator, $"api/referring-organisations/{id}", Referring("Renamed"), "\"not-the-etag\"");
        await Api.AssertProblem(stale, HttpStatusCode.PreconditionFailed, "stale-version");
        using var renamed = await Put(coordinator, $"api/referring-organisations/{id}", Referring("Gemeente Nieuwdorp"), createdETag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        using var list = await api.Coordinator().GetAsync("api/referring-organisations", Cancel);
        var organisations = await Api.ReadArray(list);
        Assert.Equal("Gemeente Nieuwdorp", organisations.Single(o => o!["id"]!.GetValue<string>() == id)!["name"]!.GetValue<string>());
        Assert.DoesNotContain(organisations, o => o!["id"]!.GetValue<string>() == "partner-gh-1");
    }

    [Fact]
    public async Task Only_a_coordinator_adds_a_referring_organisation_and_bad_input_changes_nothing()
    {
        var id = NewId("org-ref");

        using var byCaseworker = await Put(api.Caseworker(), $"api/referring-organisations/{id}", Referring());
        await Api.AssertProblem(byCaseworker, HttpStatusCode.Forbidden, "forbidden");
        // An id that cannot exist is not found, as every route id of the wrong shape.
        using var badId = await Put(api.Coordinator(), "api/referring-organisations/not%20an%20id", Referring());
        await Api.AssertProblem(badId, HttpStatusCode.NotFound, "not-found");
        using var noName = await Put(api.Coordinator(), $"api/referring-organisations/{id}", new JsonObject { ["active"] = true });
        await Api.AssertProblem(noName, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("name", (await Api.ReadObject(noName))["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);

        using var missing = await api.Coordinator().GetAsync($"api/referring-organisations/{id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_partner_id_cannot_be_taken_over_as_a_referring_organisation()
    {
        using var before = await api.Coordinator().GetAsync("api/partners/partner-gh-1", Cancel);
        var etag = before.Headers.ETag!.Tag;

        using var takeover = await Put(api.Coordinator(), "api/referring-organisations/partner-gh-1", Referring(), etag);

        await Api.AssertProblem(takeover, HttpStatusCode.Conflict, "conflict");
        using var after = await api.Coordinator().GetAsync("api/partners/partner-gh-1", Cancel);
        Assert.Equal(etag, after.Headers.ETag!.Tag);
        using var asReferring = await api.Coordinator().GetAsync("api/referring-organisations/partner-gh-1", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, asReferring.StatusCode);
    }

    [Theory]
    [InlineData("caseworker", "org-ref-never-added")]
    [InlineData("caseworker", "partner-gh-1")]
    [InlineData("partner", "org-ref-demo")]
    [InlineData("partner", "partner-xx-never-added")]
    [InlineData("coordinator", "org-ref-demo")]
    [InlineData("dpo", "partner-gh-1")]
    [InlineData("caseworker", "org-ref-demo/../org-coordination")]
    [InlineData("partner", "partner-gh-1 ")]
    public async Task A_token_naming_an_unknown_organisation_or_one_of_another_kind_is_refused(string role, string organisation)
    {
        using var response = await host.ClientFor(role, organisation).GetAsync("api/cases", Cancel);

        await Api.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_deactivated_referring_organisation_is_shut_out_and_its_cases_stay_readable_to_the_programme()
    {
        var organisation = await api.NewOrganisation();
        var (caseId, _) = await api.Refer(api.Caseworker(organisation));

        await SetActive($"api/referring-organisations/{organisation}", Referring(active: false));

        using var shutOut = await api.Caseworker(organisation).GetAsync($"api/cases/{caseId}", Cancel);
        await Api.AssertProblem(shutOut, HttpStatusCode.Forbidden, "forbidden");
        using var refer = await api.Caseworker(organisation).PostAsync("api/referrals", Api.JsonBody(Api.Referral()), Cancel);
        await Api.AssertProblem(refer, HttpStatusCode.Forbidden, "forbidden");
        using var byCoordinator = await api.Coordinator().GetAsync($"api/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.OK, byCoordinator.StatusCode);

        await SetActive($"api/referring-organisations/{organisation}", Referring(active: true));

        using var back = await api.Caseworker(organisation).GetAsync($"api/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task A_deactivated_partner_no_longer_reads_the_cases_assigned_to_it()
    {
        var partner = NewId("partner-gh");
        var partnerBody = new JsonObject { ["name"] = "Test partner Accra", ["countries"] = new JsonArray("GH"), ["active"] = true };
        using (var created = await Put(api.Coordinator(), $"api/partners/{partner}", partnerBody))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var (caseId, _) = await api.CaseAt("PartnerAssigned", await api.NewOrganisation(), partner);
        using (var reads = await api.Partner(partner).GetAsync($"api/cases/{caseId}", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, reads.StatusCode);
        }

        partnerBody["active"] = false;
        await SetActive($"api/partners/{partner}", partnerBody);

        using var shutOut = await api.Partner(partner).GetAsync($"api/cases/{caseId}", Cancel);
        await Api.AssertProblem(shutOut, HttpStatusCode.Forbidden, "forbidden");
        using var tasks = await api.Partner(partner).GetAsync("api/tasks", Cancel);
        await Api.AssertProblem(tasks, HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task SetActive(string url, JsonObject body)
    {
        using var current = await api.Coordinator().GetAsync(url, Cancel);
        using var changed = await Put(api.Coordinator(), url, body, current.Headers.ETag!.Tag);
        Assert.True(changed.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)changed.StatusCode}: {await changed.Content.ReadAsStringAsync(Cancel)}");
    }
}
