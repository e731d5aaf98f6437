using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Information for people considering return: public, in their language, maintained by coordinators.</summary>
public sealed class CountryInformationTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private async Task<(JsonObject Body, HttpResponseMessage Response)> Get(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        var response = await host.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await Api.ReadObject(response), response);
    }

    [Fact]
    public async Task Anyone_reads_a_published_countrys_information_in_the_language_asked_for_else_by_accept_language_else_english()
    {
        var (dutch, _) = await Get("api/countries/TG/information?lang=nl");
        Assert.Equal("nl", dutch["language"]!.GetValue<string>());
        Assert.Equal(["nl", "en", "fr", "ar"], dutch["availableLanguages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Contains("Demo partner Togo", dutch["partners"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains("Togo", dutch["supportOffered"]![0]!.GetValue<string>());

        var (arabic, response) = await Get("api/countries/TG/information", "de-DE, ar;q=0.9, fr;q=0.8");
        Assert.Equal("ar", arabic["language"]!.GetValue<string>());
        Assert.Equal("ar", response.Content.Headers.ContentLanguage.Single());

        var (french, _) = await Get("api/countries/TG/information?lang=sw", "fr-BE");
        Assert.Equal("fr", french["language"]!.GetValue<string>());
        var (english, _) = await Get("api/countries/TG/information?lang=sw", "de");
        Assert.Equal("en", english["language"]!.GetValue<string>());

        using var unknown = await host.Client.GetAsync("api/countries/QQ/information");
        await Api.AssertProblem(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_coordinator_changes_it_with_if_match_and_a_review_date_and_plain_text_only()
    {
        var (_, first) = await Get("api/countries/BJ/information");
        var etag = first.Headers.ETag!.Tag;
        JsonObject Body(string support) => new()
        {
            ["texts"] = new JsonArray(
                new JsonObject { ["language"] = "en", ["supportOffered"] = new JsonArray(support), ["howToReachUs"] = "Ask your counsellor." },
                new JsonObject { ["language"] = "nl", ["supportOffered"] = new JsonArray("Steun bij een eigen bedrijf."), ["howToReachUs"] = "Vraag uw begeleider." }),
            ["lastReviewedOn"] = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"),
        };
        HttpRequestMessage Put(JsonObject body, string? ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, "api/countries/BJ/information") { Content = Api.JsonBody(body) };
            if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
            return request;
        }

        using (var byCaseworker = await api.Caseworker().SendAsync(Put(Body("Support for a business."), etag)))
        {
            await Api.AssertProblem(byCaseworker, HttpStatusCode.Forbidden, "forbidden");
        }
        using (var noIfMatch = await api.Coordinator().SendAsync(Put(Body("Support for a business."), null)))
        {
            await Api.AssertProblem(noIfMatch, HttpStatusCode.PreconditionRequired, "precondition-required");
        }
        using (var notPlain = await api.Coordinator().SendAsync(Put(Body("Support\u202Efor a business."), etag)))
        {
            await Api.AssertProblem(notPlain, HttpStatusCode.BadRequest, "validation-failed");
        }
        using (var saved = await api.Coordinator().SendAsync(Put(Body("Support for a business in Cotonou."), etag)))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        using (var stale = await api.Coordinator().SendAsync(Put(Body("Support for a business."), etag)))
        {
            await Api.AssertProblem(stale, HttpStatusCode.PreconditionFailed, "stale-version");
        }

        var (english, _) = await Get("api/countries/BJ/information?lang=fr");
        Assert.Equal("en", english["language"]!.GetValue<string>());
        Assert.Equal("Support for a business in Cotonou.", english["supportOffered"]![0]!.GetValue<string>());
        Assert.Equal(DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"), english["lastReviewedOn"]!.GetValue<string>());
    }
}
