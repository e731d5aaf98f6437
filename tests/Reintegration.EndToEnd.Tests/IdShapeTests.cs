using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Every id has one shape: a route id of another shape is not found, a body id of another shape is a 400 naming it.</summary>
public sealed class IdShapeTests(LocalHostFixture host)
{
    private readonly Api api = new(host);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Not here: "%2D" (an unreserved character, the same URI as "-" by RFC 3986) and "..", which clients resolve away.
    public static TheoryData<string> OddIds => new("%3F", "%23", "%5C", "%20", "%0A", "%C0%AF", "partner%252Dgh-1",
        "CASE", "gh", new string('a', 300));

    [Theory]
    [MemberData(nameof(OddIds))]
    public async Task A_route_id_of_the_wrong_shape_is_not_found_on_every_route(string odd)
    {
        var (caseId, _) = await api.CaseAt("Referred");
        var coordinator = api.Coordinator();
        string[] routes =
        [
            $"api/cases/{odd}", $"api/cases/{odd}/timeline", $"api/cases/{odd}/documents", $"api/cases/{odd}/budget",
            $"api/cases/{odd}/checkpoints", $"api/cases/{odd}/access-log", $"api/cases/{caseId}/documents/{odd}",
            $"api/countries/{odd}", $"api/partners/{odd}", $"api/phases/{odd}", $"api/referring-organisations/{odd}",
        ];
        foreach (var route in routes)
        {
            using var response = await coordinator.GetAsync(route, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var health = await host.Client.GetAsync("api/health", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("partner%2Dgh-1")]
    [InlineData("%C0%AF")]
    [InlineData("partner-gh-1 ")]
    public async Task An_alias_of_a_partner_id_in_a_body_is_refused_naming_the_field(string alias)
    {
        var (id, etag) = await api.CaseAt("Accepted");

        var (response, _) = await Api.Act(api.Coordinator(), id, etag, "assign-partner", new JsonObject { ["partnerId"] = alias });
        using (response)
        {
            await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
            Assert.Contains("partnerId", (await Api.ReadObject(response))["errors"]!.AsObject().Select(e => e.Key));
        }
        using var unchanged = await api.Coordinator().GetAsync($"api/cases/{id}", Cancel);
        Assert.Equal(etag, unchanged.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("?")]
    [InlineData("#")]
    [InlineData("\\")]
    public async Task A_receipt_id_of_the_wrong_shape_is_refused_naming_the_field(string receiptId)
    {
        var (id, _) = await api.CaseAt("Arrived");
        var request = Spending.Request("line-1", 10m);
        request["receiptDocumentId"] = receiptId;

        using var response = await api.Partner().PostAsync($"api/cases/{id}/spending", Api.JsonBody(request), Cancel);

        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("receiptDocumentId", (await Api.ReadObject(response))["errors"]!.AsObject().Select(e => e.Key));
    }
}
