using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Health, reference data and authentication, through the local host.</summary>
public sealed class FoundationTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    [Fact]
    public async Task Health_answers_200_with_the_state_of_each_dependency()
    {
        using var response = await host.Client.GetAsync("api/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Api.ReadObject(response);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        var dependencies = body["dependencies"]!.AsObject();
        Assert.All(["cosmosDb", "blobStorage", "queueStorage"], name => Assert.Equal("Healthy", dependencies[name]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_public_country_list_has_the_38_published_countries_with_partner_availability()
    {
        using var response = await host.Client.GetAsync("api/countries", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var countries = await Api.ReadArray(response);
        Assert.True(countries.Count >= 37, $"Only {countries.Count} active countries.");
        var ghana = countries.Single(c => c!["code"]!.GetValue<string>() == "GH")!;
        Assert.Equal("Ghana", ghana["name"]!.GetValue<string>());
        Assert.True(ghana["partnerAvailable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Partners_need_a_token_and_list_their_countries()
    {
        using var anonymous = await host.Client.GetAsync("api/partners", TestContext.Current.CancellationToken);
        await Api.AssertProblem(anonymous, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        using var response = await api.Caseworker().GetAsync("api/partners", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partners = await Api.ReadArray(response);
        var regional = partners.Single(p => p!["id"]!.GetValue<string>() == "partner-wa-regional")!;
        Assert.Equal(["GH", "TG", "BJ"], regional["countries"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task A_malformed_or_unsigned_token_answers_401(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/partners");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        await Api.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_answers_401()
    {
        var foreignKey = new byte[32];
        Random.Shared.NextBytes(foreignKey);
        var token = Reintegration.LocalHost.Tokens.DevelopmentTokens.Create(foreignKey, "coordinator", "org-coordination", null, null,
            notBefore: host.Time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/partners");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        await Api.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_token_of_an_unknown_role_answers_401()
    {
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "reintegration-local",
            Audience = "reintegration-api",
            Expires = host.Time.GetUtcNow().AddHours(1).UtcDateTime,
            NotBefore = host.Time.GetUtcNow().UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = "someone", ["roles"] = "administrator", ["org"] = "org-coordination" },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(host.Host.SigningKey), "HS256"),
        });
        using var client = host.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("api/partners", TestContext.Current.CancellationToken);
        await Api.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task An_unknown_route_answers_404()
    {
        using var response = await api.Caseworker().GetAsync("api/nothing-here", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
