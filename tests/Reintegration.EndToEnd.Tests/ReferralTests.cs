using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Referral intake, reading and listing cases, and the answers to bad input.</summary>
public sealed class ReferralTests(LocalHostFixture host)
{
    private readonly Api api = new(host);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonArray> CasesOf(HttpClient caseworker, string query = "")
    {
        using var response = await caseworker.GetAsync($"api/cases{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Api.ReadObject(response))["items"]!.AsArray();
    }

    [Fact]
    public async Task An_eligible_referral_creates_a_referred_case_that_reads_back_with_its_etag()
    {
        var caseworker = api.Caseworker(await api.NewOrganisation());
        using var created = await caseworker.PostAsync("api/referrals", Api.JsonBody(Api.Referral()), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Api.ReadObject(created);
        var id = body["id"]!.GetValue<string>();
        Assert.Equal("Referred", body["status"]!.GetValue<string>());
        Assert.Equal($"/api/cases/{id}", created.Headers.Location!.OriginalString);
        var etag = created.Headers.ETag!;

        using var read = await caseworker.GetAsync(created.Headers.Location.OriginalString.TrimStart('/'), Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(etag, read.Headers.ETag);
        var readBody = await Api.ReadObject(read);
        Assert.Equal("Mensah", readBody["person"]!["familyName"]!.GetValue<string>());
        Assert.Equal("Child", readBody["familyMembers"]![0]!["relationship"]!.GetValue<string>());
        Assert.Equal("phase-4", readBody["phaseId"]!.GetValue<string>());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"api/cases/{id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await caseworker.SendAsync(conditional, Cancel);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task An_ineligible_referral_answers_422_naming_every_failed_rule_and_stores_nothing()
    {
        var caseworker = api.Caseworker(await api.NewOrganisation());
        var referral = Api.Referral(country: "SY", category: "Tourist");
        referral["consent"]!["sharingWithPartner"] = false;

        using var response = await caseworker.PostAsync("api/referrals", Api.JsonBody(referral), Cancel);

        await Api.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "rule-violation");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["target-group", "country-of-return", "partner-available", "consent-to-share"],
            problem["failedRules"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()));
        Assert.Empty(await CasesOf(caseworker));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", "{\"person\": {", "body" },
        { "wrong type", Api.Referral(dateOfBirth: "1990-04-02").ToJsonString().Replace("\"1990-04-02\"", "12345"), "person.dateOfBirth" },
        { "unknown field", Api.Referral().ToJsonString().Replace("\"countryOfReturn\"", "\"nickname\":\"x\",\"countryOfReturn\""), "nickname" },
        { "missing field", Api.Referral(dateOfBirth: "1990-04-02").ToJsonString().Replace("\"familyName\":\"Mensah\",\"dateOfBirth\":\"1990-04-02\"", "\"dateOfBirth\":\"1990-04-02\""), "person.familyName" },
        { "over-long field", Api.Referral().ToJsonString().Replace("\"Ama\"", $"\"{new string('a', 101)}\""), "person.givenName" },
        { "over-size body", Api.Referral().ToJsonString().Replace("\"Needs medication.\"", $"\"{new string('x', 70_000)}\""), "body" },
        { "JSON null", "null", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_answers_400_naming_the_offending_field_and_stores_nothing(string what, string body, string field)
    {
        var caseworker = api.Caseworker(await api.NewOrganisation());
        using var response = await caseworker.PostAsync("api/referrals", Api.JsonBody(body), Cancel);

        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"{what}: errors name {string.Join(", ", errors.Select(e => e.Key))}, not {field}.");
        Assert.Empty(await CasesOf(caseworker));
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_415()
    {
        var caseworker = api.Caseworker(await api.NewOrganisation());
        using var response = await caseworker.PostAsync("api/referrals", new StringContent("person=Ama"), Cancel);
        await Api.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_returns_the_first_case_and_creates_nothing_new()
    {
        var caseworker = api.Caseworker(await api.NewOrganisation());
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Post(JsonObject referral)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "api/referrals") { Content = Api.JsonBody(referral) };
            request.Headers.Add("Idempotency-Key", key);
            return await caseworker.SendAsync(request, Cancel);
        }

        var referral = Api.Referral();
        using var first = await Post(referral);
        using var retry = await Post(referral);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Single(await CasesOf(caseworker));

        using var reused = await Post(Api.Referral(country: "NG"));
        await Api.AssertProblem(reused, HttpStatusCode.UnprocessableEntity, "rule-violation");
        Assert.Single(await CasesOf(caseworker));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_create_one_case()
    {
        var caseworker = api.Caseworker(await api.NewOrganisation());
        var key = Guid.NewGuid().ToString();
        var referral = Api.Referral();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/referrals") { Content = Api.JsonBody(referral) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await caseworker.SendAsync(request, Cancel);
            return (response.StatusCode, response.Headers.Location);
        }));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Location).Distinct());
        Assert.Single(await CasesOf(caseworker));
    }

    [Fact]
    public async Task An_unknown_case_and_a_case_of_another_organisation_both_answer_404()
    {
        var (id, _) = await api.Refer(api.Caseworker(await api.NewOrganisation()));

        using var unknown = await api.Caseworker().GetAsync($"api/cases/{Guid.NewGuid()}", Cancel);
        await Api.AssertProblem(unknown, HttpStatusCode.NotFound, "not-found");
        using var foreign = await api.Caseworker(await api.NewOrganisation()).GetAsync($"api/cases/{id}", Cancel);
        await Api.AssertProblem(foreign, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Only_a_caseworker_registers_referrals()
    {
        using var response = await api.Partner().PostAsync("api/referrals", Api.JsonBody(Api.Referral()), Cancel);
        await Api.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_caseworker_lists_only_their_organisations_cases_page_by_page_and_filtered()
    {
        var organisation = await api.NewOrganisation();
        var caseworker = api.Caseworker(organisation);
        var created = new List<string>();
        foreach (var country in new[] { "GH", "GH", "NG", "GH", "NG" })
        {
            created.Add((await api.Refer(caseworker, Api.Referral(country))).Id);
        }
        await api.Refer(api.Caseworker(await api.NewOrganisation()));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = "?pageSize=2" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            using var response = await caseworker.GetAsync($"api/cases{query}", Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Api.ReadObject(response);
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 2);
            seen.AddRange(items.Select(i => i!["id"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        } while (token is not null && pages < 10);

        Assert.True(created.Order().SequenceEqual(seen.Order()), $"created {string.Join(",", created.Order())} seen {string.Join(",", seen.Order())} in {pages} pages");
        Assert.Equal(2, (await CasesOf(caseworker, "?country=NG")).Count);
        Assert.Equal(5, (await CasesOf(caseworker, "?status=Referred")).Count);
        Assert.Empty(await CasesOf(caseworker, "?status=Accepted"));
    }

    [Theory]
    [InlineData("?status=Flying", "status")]
    [InlineData("?country=Ghana", "country")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?continuationToken=%%%", "continuationToken")]
    public async Task Bad_list_parameters_answer_400_naming_the_parameter(string query, string field)
    {
        using var response = await api.Caseworker().GetAsync($"api/cases{query}", Cancel);
        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field));
    }
}
