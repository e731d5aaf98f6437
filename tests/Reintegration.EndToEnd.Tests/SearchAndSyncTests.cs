using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Finding a person, the duplicate check of a referral, and delta sync of case listings.</summary>
public sealed class SearchAndSyncTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private static JsonObject Person(JsonObject referral, string given, string family)
    {
        referral["person"]!["givenName"] = given;
        referral["person"]!["familyName"] = family;
        return referral;
    }

    private static async Task<List<string>> Ids(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"api/cases?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await Api.ReadObject(response))["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
    }

    private static async Task<JsonObject> Listing(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync($"api/cases?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Api.ReadObject(response);
    }

    [Fact]
    public async Task A_person_is_found_by_name_in_any_order_and_without_accents_and_by_date_of_birth_within_the_callers_scope_only()
    {
        var organisation = await api.NewOrganisation();
        var caseworker = api.Caseworker(organisation);
        var born = Api.UniqueDateOfBirth();
        var (id, _) = await api.Refer(caseworker, Person(Api.Referral(dateOfBirth: born), "José María", "Núñez"));

        Assert.Equal([id], await Ids(caseworker, "name=nunez%20jose%20maria"));
        Assert.Equal([id], await Ids(caseworker, $"name=MARIA%20N%C3%BA%C3%B1ez%20jos%C3%A9&dateOfBirth={born}"));
        // Every name must be given (one indexed key, decision 0022): a part of the names finds nothing, even with the birth date.
        Assert.Empty(await Ids(caseworker, $"name=MARIA%20N%C3%BA%C3%B1ez&dateOfBirth={born}"));
        Assert.Equal([id], await Ids(caseworker, $"dateOfBirth={born}&status=Referred&country=GH"));
        Assert.Empty(await Ids(caseworker, $"name=nunez%20maria%20jose&dateOfBirth={born}&status=Accepted"));
        Assert.Empty(await Ids(caseworker, "name=nunez%20pedro"));
        Assert.Empty(await Ids(caseworker, "name=nunez"));
        Assert.Contains(id, await Ids(api.Coordinator(), $"name=Jose%20Maria%20Nunez&dateOfBirth={born}"));
        Assert.DoesNotContain(id, await Ids(api.Caseworker(), $"name=Jose%20Maria%20Nunez&dateOfBirth={born}"));

        using (var byPartner = await api.Partner().GetAsync("api/cases?name=nunez"))
        {
            await Api.AssertProblem(byPartner, HttpStatusCode.Forbidden, "forbidden");
        }
        using (var badDate = await caseworker.GetAsync("api/cases?dateOfBirth=02-04-1990"))
        {
            await Api.AssertProblem(badDate, HttpStatusCode.BadRequest, "validation-failed");
        }
        using (var noWords = await caseworker.GetAsync("api/cases?name=%2C%20-"))
        {
            await Api.AssertProblem(noWords, HttpStatusCode.BadRequest, "validation-failed");
        }
        // The search words are stored for the index only: no view shows them.
        using var read = await caseworker.GetAsync($"api/cases/{id}");
        Assert.DoesNotContain("nunez", await read.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_second_referral_of_a_person_with_an_open_case_answers_409_naming_it_and_a_retry_of_the_first_still_answers_the_first()
    {
        var organisation = await api.NewOrganisation();
        var caseworker = api.Caseworker(organisation);
        var born = Api.UniqueDateOfBirth();
        var first = Person(Api.Referral(dateOfBirth: born), "Ama", "Mensah");
        async Task<HttpResponseMessage> Post(JsonObject referral, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/referrals") { Content = Api.JsonBody(referral) };
            request.Headers.Add("Idempotency-Key", key);
            return await caseworker.SendAsync(request);
        }

        using var created = await Post(first, "first");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Api.ReadObject(created))["id"]!.GetValue<string>();
        using var retry = await Post(first, "first");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(created.Headers.Location, retry.Headers.Location);

        using var again = await Post(Person(Api.Referral(dateOfBirth: born), "MENSAH", "Àma"), "second");
        await Api.AssertProblem(again, HttpStatusCode.Conflict, "duplicate-person");
        var problem = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal(id, problem["existingCaseId"]!.GetValue<string>());
        Assert.Single(await Ids(caseworker, ""));

        // Another organisation's caseworker does not see the case, so is not told of it.
        var other = await api.NewOrganisation();
        using var elsewhere = await api.Caseworker(other).PostAsync("api/referrals", Api.JsonBody(first));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Of_referrals_of_one_person_sent_at_the_same_moment_one_case_is_opened_and_the_others_answer_409_naming_it()
    {
        var organisation = await api.NewOrganisation();
        var born = Api.UniqueDateOfBirth();
        var caseworkers = Enumerable.Range(0, 6).Select(_ => api.Caseworker(organisation)).ToList();

        var answers = await Task.WhenAll(caseworkers.Select(caseworker =>
            caseworker.PostAsync("api/referrals", Api.JsonBody(Person(Api.Referral(dateOfBirth: born), "Kofi", "Boateng")))));

        var created = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var id = (await Api.ReadObject(created))["id"]!.GetValue<string>();
        foreach (var refused in answers.Where(a => a != created))
        {
            await Api.AssertProblem(refused, HttpStatusCode.Conflict, "duplicate-person");
            Assert.Equal(id, JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["existingCaseId"]!.GetValue<string>());
        }
        Assert.Equal([id], await Ids(caseworkers[0], ""));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_person_whose_case_was_withdrawn_is_referred_again_at_once()
    {
        var caseworker = api.Caseworker(await api.NewOrganisation());
        var referral = Person(Api.Referral(dateOfBirth: Api.UniqueDateOfBirth()), "Efua", "Owusu");
        var (first, etag) = await api.Refer(caseworker, referral);
        await Api.Do(caseworker, first, etag, "withdraw", new JsonObject { ["reason"] = "The person chose to stay for now." });

        using var again = await caseworker.PostAsync("api/referrals", Api.JsonBody(referral));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(first, (await Api.ReadObject(again))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changed_since_a_delta_token_answers_the_changes_including_those_of_the_same_second_and_the_ids_of_cases_that_left_the_scope()
    {
        var organisation = await api.NewOrganisation();
        var partner = $"partner-test-{Guid.NewGuid():N}"[..24];
        using (var created = await api.Coordinator().PutAsync($"api/partners/{partner}",
            Api.JsonBody(new JsonObject { ["name"] = "Test partner Ghana", ["countries"] = new JsonArray("GH"), ["active"] = true })))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var caseworker = api.Caseworker(organisation);
        // Approved plans: no background work writes these cases while the test runs.
        await api.CaseAt("PlanApproved", organisation, partner);
        var (left, leftETag) = await api.CaseAt("PlanApproved", organisation, partner);
        var partnerClient = api.Partner(partner);

        var partnerToken = (await Listing(partnerClient))["deltaToken"]!.GetValue<string>();
        var caseworkerToken = (await Listing(caseworker))["deltaToken"]!.GetValue<string>();
        // At once after the token: most likely within its second, which a strict "after" would miss.
        await Api.Do(caseworker, left, leftETag, "withdraw-consent",
            new JsonObject { ["date"] = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"), ["method"] = "Verbal", ["reason"] = "Asked to stop." });

        var partnerDelta = await Listing(partnerClient, $"changedSince={partnerToken}");
        Assert.Contains(left, partnerDelta["removed"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.DoesNotContain(left, partnerDelta["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        var caseworkerDelta = await Listing(caseworker, $"changedSince={caseworkerToken}");
        Assert.Contains(left, caseworkerDelta["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Empty(caseworkerDelta["removed"]!.AsArray());

        Assert.False(string.IsNullOrEmpty(caseworkerDelta["deltaToken"]!.GetValue<string>()));

        using (var foreign = await partnerClient.GetAsync($"api/cases?changedSince={caseworkerToken}"))
        {
            await Api.AssertProblem(foreign, HttpStatusCode.BadRequest, "validation-failed");
        }
        using (var garbage = await caseworker.GetAsync("api/cases?changedSince=not-a-token"))
        {
            await Api.AssertProblem(garbage, HttpStatusCode.BadRequest, "validation-failed");
        }
        using (var withFilter = await caseworker.GetAsync($"api/cases?changedSince={caseworkerToken}&status=Arrived"))
        {
            await Api.AssertProblem(withFilter, HttpStatusCode.BadRequest, "validation-failed");
        }
    }
}
