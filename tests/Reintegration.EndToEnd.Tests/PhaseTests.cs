using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Programme phases over HTTP: coordinators add and change them, with their ETag; phases never overlap.</summary>
public sealed class PhaseTests(LocalHostFixture host)
{
    private readonly Api api = new(host);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A phase covering one whole year, far from the seeded phases and from other tests' years.</summary>
    public static JsonObject Phase(int year) => new()
    {
        ["name"] = $"Phase of {year}",
        ["startsOn"] = $"{year}-01-01",
        ["endsOn"] = $"{year}-12-31",
        ["budget"] = new JsonObject { ["cashContribution"] = 250, ["inKindPerAdult"] = 2000, ["inKindPerChild"] = 650.5, ["approvalCeiling"] = 6000 },
        ["monitoringMonths"] = new JsonArray(1, 6, 12),
        ["gracePeriodDays"] = 21,
    };

    private async Task<HttpResponseMessage> Put(string phaseId, JsonObject body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/phases/{phaseId}") { Content = Api.JsonBody(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return await api.Coordinator().SendAsync(request, Cancel);
    }

    [Fact]
    public async Task A_coordinator_adds_a_phase_that_everyone_signed_in_reads_and_changes_it_with_its_etag()
    {
        var id = $"phase-{Guid.NewGuid():N}"[..30];
        var year = Random.Shared.Next(2100, 2999);

        using var created = await Put(id, Phase(year));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var read = await api.Partner().GetAsync($"api/phases/{id}", Cancel);
        Assert.Equal(created.Headers.ETag!.Tag, read.Headers.ETag!.Tag);
        var phase = await Api.ReadObject(read);
        Assert.Equal($"{year}-12-31", phase["endsOn"]!.GetValue<string>());
        Assert.Equal(650.5m, phase["budget"]!["inKindPerChild"]!.GetValue<decimal>());
        Assert.Equal([1, 6, 12], phase["monitoringMonths"]!.AsArray().Select(m => m!.GetValue<int>()));

        using var withoutIfMatch = await Put(id, Phase(year));
        await Api.AssertProblem(withoutIfMatch, HttpStatusCode.PreconditionRequired, "precondition-required");
        var longerGrace = Phase(year);
        longerGrace["gracePeriodDays"] = 30;
        using var changed = await Put(id, longerGrace, created.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var stale = await Put(id, Phase(year), created.Headers.ETag.Tag);
        await Api.AssertProblem(stale, HttpStatusCode.PreconditionFailed, "stale-version");

        using var list = await api.Caseworker().GetAsync("api/phases", Cancel);
        var phases = await Api.ReadArray(list);
        Assert.Equal(30, phases.Single(p => p!["id"]!.GetValue<string>() == id)!["gracePeriodDays"]!.GetValue<int>());
        var starts = phases.Select(p => p!["startsOn"]!.GetValue<string>()).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
    }

    [Fact]
    public async Task A_phase_overlapping_phase_4_is_refused_with_422_and_is_not_saved()
    {
        var id = $"phase-{Guid.NewGuid():N}"[..30];
        var overlapping = Phase(2027);

        using var refused = await Put(id, overlapping);

        await Api.AssertProblem(refused, HttpStatusCode.UnprocessableEntity, "rule-violation");
        Assert.Contains("phase-4", await refused.Content.ReadAsStringAsync(Cancel));
        using var missing = await api.Coordinator().GetAsync($"api/phases/{id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Of_coordinators_adding_phases_of_the_same_year_at_the_same_moment_one_succeeds_and_the_others_are_refused()
    {
        var year = Random.Shared.Next(4000, 8999);
        var ids = Enumerable.Range(0, 6).Select(_ => $"phase-{Guid.NewGuid():N}"[..30]).ToList();

        var answers = await Task.WhenAll(ids.Select(id => Put(id, Phase(year))));

        var statuses = answers.Select(a => a.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(ids.Count - 1, statuses.Count(s => s == HttpStatusCode.UnprocessableEntity));
        using var list = await api.Coordinator().GetAsync("api/phases", Cancel);
        Assert.Single(await Api.ReadArray(list), p => p!["startsOn"]!.GetValue<string>() == $"{year}-01-01");
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_phase_with_a_bad_amount_or_an_unknown_field_answers_400_naming_it()
    {
        var negative = Phase(Random.Shared.Next(3000, 3999));
        negative["budget"]!["inKindPerAdult"] = -5;
        using var refused = await Put($"phase-{Guid.NewGuid():N}"[..30], negative);
        await Api.AssertProblem(refused, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("inKindPerAdult", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);

        var unknown = Phase(Random.Shared.Next(3000, 3999));
        unknown["budgetCeiling"] = 1;
        using var unknownField = await Put($"phase-{Guid.NewGuid():N}"[..30], unknown);
        await Api.AssertProblem(unknownField, HttpStatusCode.BadRequest, "validation-failed");
    }
}
