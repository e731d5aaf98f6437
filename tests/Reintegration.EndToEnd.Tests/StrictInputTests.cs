using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>What a caller sends is read as it is meant, or refused with a 400 naming the field: never guessed at.</summary>
public sealed class StrictInputTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private static async Task AssertFieldRefused(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"Expected an error for {field}: {text}");
    }

    [Fact]
    public async Task A_field_sent_twice_is_refused_naming_it()
    {
        var json = Api.Referral().ToJsonString().Replace("\"countryOfReturn\":\"GH\"", "\"countryOfReturn\":\"GH\",\"countryOfReturn\":\"TG\"");
        using var response = await api.Caseworker().PostAsync("api/referrals", Api.JsonBody(json));
        await AssertFieldRefused(response, "countryOfReturn");
    }

    [Fact]
    public async Task A_nested_field_sent_twice_in_another_casing_is_refused()
    {
        var json = Api.Referral().ToJsonString().Replace("\"givenName\":\"Ama\"", "\"givenName\":\"Ama\",\"GivenName\":\"Kwame\"");
        using var response = await api.Caseworker().PostAsync("api/referrals", Api.JsonBody(json));
        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_refused_naming_it()
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [100m]);
        var spending = Spending.Request("line-1", 10m);
        spending["amountEur"] = "10";
        using var response = await api.Partner().PostAsync($"api/cases/{caseId}/spending", Api.JsonBody(spending));
        await AssertFieldRefused(response, "amountEur");
    }

    [Theory]
    [InlineData("DidNotDepart,Withdrew")]
    [InlineData(" Withdrew")]
    [InlineData("withdrew")]
    [InlineData("2")]
    public async Task An_outcome_is_one_exact_name_not_a_list_or_a_near_miss(string outcome)
    {
        var (caseId, etag) = await api.Refer(api.Caseworker());
        var (response, _) = await Api.Act(api.Coordinator(), caseId, etag, "close",
            new JsonObject { ["outcome"] = outcome, ["reason"] = "Moved away." });
        using (response)
        {
            await AssertFieldRefused(response, "outcome");
        }
    }

    [Theory]
    [InlineData("OwnBusiness,Housing")]
    [InlineData("OwnBusiness ")]
    [InlineData("ownBusiness")]
    public async Task A_plan_area_is_one_exact_name(string area)
    {
        var (caseId, etag) = await api.CaseAt("PartnerAssigned");
        var plan = Api.Plan(500m);
        plan["goals"]![0]!["area"] = area;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/cases/{caseId}/plan") { Content = Api.JsonBody(plan) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using var response = await api.Caseworker().SendAsync(request);
        await AssertFieldRefused(response, "goals[0].area");
    }

    [Theory]
    [InlineData("givenName", "Ama\nAdmin")]
    [InlineData("givenName", "Ama\u001b[2J")]
    [InlineData("familyName", "\u202Ehasnem")]
    [InlineData("familyName", "Men\u200Bsah")]
    [InlineData("familyName", "Men\u2066sah")]
    public async Task Names_with_control_invisible_or_direction_changing_characters_are_refused(string field, string value)
    {
        var referral = Api.Referral();
        referral["person"]![field] = value;
        using var response = await api.Caseworker().PostAsync("api/referrals", Api.JsonBody(referral));
        await AssertFieldRefused(response, $"person.{field}");
    }

    [Fact]
    public async Task An_unpaired_surrogate_in_a_name_is_refused()
    {
        // Written as a JSON escape: the text cannot be encoded as UTF-8, but JSON can carry it.
        var json = Api.Referral().ToJsonString().Replace("\"familyName\":\"Mensah\"", "\"familyName\":\"Mensah\\ud800\"");
        using var response = await api.Caseworker().PostAsync("api/referrals", Api.JsonBody(json));
        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData("consent", "givenOn", "0001-01-01")]
    [InlineData("consent", "givenOn", "1999-12-31")]
    [InlineData("person", "dateOfBirth", "1899-12-31")]
    [InlineData("person", "dateOfBirth", "0001-01-01")]
    public async Task Dates_outside_the_programme_bounds_are_refused(string part, string field, string date)
    {
        var referral = Api.Referral();
        referral[part]![field] = date;
        using var response = await api.Caseworker().PostAsync("api/referrals", Api.JsonBody(referral));
        await AssertFieldRefused(response, $"{part}.{field}");
    }

    [Fact]
    public async Task An_exchange_rate_of_1e_minus_28_is_a_400_not_a_500()
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [100m]);
        var json = Spending.Request("line-1", 10m).ToJsonString().Replace("\"exchangeRate\":15", "\"exchangeRate\":1e-28");
        using var response = await api.Partner().PostAsync($"api/cases/{caseId}/spending", Api.JsonBody(json));
        await AssertFieldRefused(response, "exchangeRate");
    }
}
