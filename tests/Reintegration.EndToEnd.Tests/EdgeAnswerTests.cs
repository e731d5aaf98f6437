using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Reintegration.Api.Http;
using Reintegration.Functions.Edge;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Every answer is the API's: problem+json for whatever goes wrong, with the same headers on every answer.</summary>
public sealed class EdgeAnswerTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private static void AssertEdgeHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"), "The answer names the server software.");
        Assert.True(response.Headers.CacheControl?.NoStore, "The answer may be stored by caches.");
    }

    [Theory]
    [InlineData("GET", "api/no-such-route")]
    [InlineData("GET", "api/cases/c1/no-such-part")]
    [InlineData("POST", "api")]
    [InlineData("GET", "no-such-route")]
    [InlineData("GET", "")]
    public async Task An_unknown_route_answers_404_problem(string method, string path)
    {
        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        await Api.AssertProblem(response, HttpStatusCode.NotFound, "not-found");
        AssertEdgeHeaders(response);
    }

    [Theory]
    [InlineData("DELETE", "api/cases/c1", "GET")]
    [InlineData("POST", "api/health", "GET")]
    [InlineData("GET", "api/referrals", "POST")]
    [InlineData("PATCH", "api/countries/GH", "GET, PUT")]
    [InlineData("HEAD", "api/cases", "GET")]
    public async Task A_method_the_route_does_not_take_answers_405_with_Allow(string method, string path, string allow)
    {
        using var response = await api.Coordinator().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        if (method != "HEAD")
        {
            await Api.AssertProblem(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        }
        AssertEdgeHeaders(response);
    }

    [Fact]
    public async Task A_request_line_over_the_app_limit_answers_414_problem()
    {
        var query = new string('a', EdgeLimits.MaxRequestTargetLength);
        using var response = await host.Client.GetAsync($"api/countries?x={query}");
        await Api.AssertProblem(response, HttpStatusCode.RequestUriTooLong, "uri-too-long");
        AssertEdgeHeaders(response);
    }

    [Fact]
    public async Task A_request_line_beyond_the_servers_own_limit_is_answered_by_the_server_without_a_body()
    {
        // Documented in docs/decisions/0011: Kestrel answers before any of the app's code runs.
        var query = new string('a', EdgeLimits.MaxRequestTargetLength * EdgeLimits.ServerHeadroomFactor);
        using var response = await host.Client.GetAsync($"api/countries?x={query}");
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Headers_over_the_app_limit_answer_431_problem()
    {
        using var large = new HttpRequestMessage(HttpMethod.Get, "api/countries");
        large.Headers.Add("X-Filler", new string('a', EdgeLimits.MaxHeadersTotalSize));
        using var response = await host.Client.SendAsync(large);
        await Api.AssertProblem(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
        AssertEdgeHeaders(response);

        using var many = new HttpRequestMessage(HttpMethod.Get, "api/countries");
        for (var i = 0; i <= EdgeLimits.MaxHeaderCount; i++)
        {
            many.Headers.Add($"X-Filler-{i}", "a");
        }
        using var manyResponse = await host.Client.SendAsync(many);
        await Api.AssertProblem(manyResponse, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    [Fact]
    public async Task A_broken_chunked_body_answers_400_problem()
    {
        var token = host.Token("caseworker", "org-ref-demo");
        var request =
            "POST /api/referrals HTTP/1.1\r\n" +
            $"Host: {host.BaseAddress.Authority}\r\n" +
            $"Authorization: Bearer {token}\r\n" +
            "Content-Type: application/json\r\n" +
            "Transfer-Encoding: chunked\r\n" +
            "Connection: close\r\n\r\n" +
            "5\r\n{\"per\r\nZZZ\r\nnot a chunk\r\n";
        var answer = await SendRaw(request);
        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("urn:reintegration:problem:malformed-request", answer);
        Assert.Contains("X-Content-Type-Options: nosniff", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Success_304_and_errors_all_carry_the_security_headers()
    {
        using var countries = await host.Client.GetAsync("api/countries");
        AssertEdgeHeaders(countries);
        using var unauthenticated = await host.Client.GetAsync("api/cases");
        AssertEdgeHeaders(unauthenticated);

        var (caseId, etag) = await api.Refer(api.Caseworker());
        using var read = new HttpRequestMessage(HttpMethod.Get, $"api/cases/{caseId}");
        read.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        using var notModified = await api.Caseworker().SendAsync(read);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        AssertEdgeHeaders(notModified);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("current")]
    public async Task A_change_with_If_None_Match_answers_200_with_the_new_version_never_304(string ifNoneMatch)
    {
        var (caseId, etag) = await api.Refer(api.Caseworker());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{caseId}/actions/accept") { Content = Api.JsonBody("{}") };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch == "*" ? "*" : etag);
        using var response = await api.Coordinator().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Accepted", (await Api.ReadObject(response))["status"]!.GetValue<string>());
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
    }

    [Fact]
    public void The_catch_all_function_sorts_after_every_other_function_name()
    {
        // The Functions host tries routes in the order of function names; the catch-all must be tried last.
        var names = host.Host.Functions.Functions.Select(f => f.Name).ToList();
        Assert.Contains(UnknownRouteFunction.Name, names);
        Assert.Equal(UnknownRouteFunction.Name, names.Order(StringComparer.Ordinal).Last());
        Assert.Equal(UnknownRouteFunction.Name, names.Order(StringComparer.OrdinalIgnoreCase).Last());
    }

    private async Task<string> SendRaw(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
