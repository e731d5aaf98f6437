using System.Diagnostics;
using System.Net;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests.RoundTrips;

/// <summary>
/// What each request costs in Cosmos DB requests once the reference data is in hand (decision 0017): one read per case
/// per request, and nothing read of the organisations, countries or phases (the first request of the run loads them;
/// every test here makes a request before the one it counts).
/// </summary>
public sealed class RoundTripTests(LocalHostFixture host) : IDisposable
{
    private readonly Api api = new(host);
    private readonly CosmosRequests cosmos = new();

    public void Dispose() => cosmos.Dispose();

    /// <summary>
    /// The Cosmos DB requests of one HTTP request, sent with a trace id of its own. The reference-data snapshot lasts
    /// 30 s of the app's clock, which other tests of the run move forward: a request may find it expired and load it
    /// again (three reference queries), which is the snapshot's bound at work, not the request's cost. Such a request is
    /// sent again, up to three times; a request that read reference data every time would still show it.
    /// </summary>
    private async Task<List<string>> RequestsOf(HttpClient client, HttpMethod method, string uri, HttpStatusCode expected,
        Func<HttpContent>? content = null, bool idempotencyKey = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var requests = await OnceAsync(client, method, uri, expected, content?.Invoke(), idempotencyKey);
            if (!requests.Contains("query reference") || attempt == 3)
            {
                return requests;
            }
        }
    }

    private async Task<List<string>> OnceAsync(HttpClient client, HttpMethod method, string uri, HttpStatusCode expected,
        HttpContent? content, bool idempotencyKey)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        if (idempotencyKey)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return cosmos.Of(trace).Select(r => r.ToString()).Order().ToList();
    }

    [Fact]
    public async Task Reading_a_case_is_one_point_read_of_the_case_besides_its_access_record()
    {
        var (caseId, _) = await api.CaseAt("Referred");
        var caseworker = api.Caseworker();

        var requests = await RequestsOf(caseworker, HttpMethod.Get, $"api/cases/{caseId}", HttpStatusCode.OK);

        Assert.Equal(["create access-log", "read cases"], requests);
    }

    [Fact]
    public async Task Recording_spending_reads_the_case_once_and_writes_it_once()
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [1000m]);
        var partner = api.Partner();

        var requests = await RequestsOf(partner, HttpMethod.Post, $"api/cases/{caseId}/spending", HttpStatusCode.Created,
            () => Api.JsonBody(Spending.Request("line-1", 10m)));

        Assert.Equal(["create access-log", "read cases", "replace cases"], requests);
    }

    [Fact]
    public async Task A_referral_is_its_idempotency_record_the_duplicate_check_the_claim_on_its_person_its_access_record_and_the_create_and_reads_no_reference_data()
    {
        var caseworker = api.Caseworker();
        await api.Refer(caseworker);

        var requests = await RequestsOf(caseworker, HttpMethod.Post, "api/referrals", HttpStatusCode.Created, () => Api.JsonBody(Api.Referral()),
            idempotencyKey: true);

        // The one query is the duplicate check: open cases of the same person, by the indexed search key (decision 0022).
        // The second idempotency create is the claim on the person (decision 0025).
        Assert.Equal(["create access-log", "create cases", "create idempotency", "create idempotency", "query cases"], requests);
    }

    [Fact]
    public async Task Listing_cases_queries_the_cases_and_reads_nothing_else_besides_the_access_records()
    {
        var organisation = await api.NewOrganisation();
        await api.CaseAt("Referred", organisation);
        var caseworker = api.Caseworker(organisation);

        var requests = await RequestsOf(caseworker, HttpMethod.Get, "api/cases?pageSize=5", HttpStatusCode.OK);

        // One page of the query as the SDK fetches it; the SDK may take more than one round trip for an ORDER BY page.
        Assert.Contains("query cases", requests);
        Assert.All(requests, r => Assert.Contains(r, new[] { "query cases", "create access-log" }));
    }
}
