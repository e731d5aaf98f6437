using System.Net;
using System.Text.Json;
using Reintegration.LocalHost.Tests.Samples;

namespace Reintegration.LocalHost.Tests;

public sealed class HttpDispatchTests(SampleHostFixture host)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Route_values_bind_by_name_and_results_serialise_as_camel_case_json()
    {
        var itemId = Guid.NewGuid();

        using var response = await host.Client.GetAsync(new Uri($"api/samples/items/{itemId}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(itemId, json.RootElement.GetProperty("itemId").GetGuid());
        Assert.Equal("GET", json.RootElement.GetProperty("method").GetString());
        Assert.Contains(itemId, host.Recorder.Of("SampleGetItem"));
    }

    [Fact]
    public async Task Every_listed_method_is_served()
    {
        using var response = await host.Client.PostAsync(new Uri($"api/samples/items/{Guid.NewGuid()}", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_method_not_listed_is_refused()
    {
        using var response = await host.Client.PutAsync(new Uri($"api/samples/items/{Guid.NewGuid()}", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Route_constraints_apply()
    {
        using var response = await host.Client.GetAsync(new Uri("api/samples/items/not-a-guid", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Routes_are_served_only_under_the_route_prefix()
    {
        using var response = await host.Client.GetAsync(new Uri($"samples/items/{Guid.NewGuid()}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_not_found()
    {
        using var response = await host.Client.GetAsync(new Uri("api/no/such/route", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Several_route_values_convert_to_their_parameter_types()
    {
        var body = await host.Client.GetStringAsync(new Uri("api/samples/groups/g-7/members/42", UriKind.Relative), Cancellation);

        using var json = JsonDocument.Parse(body);
        Assert.Equal("g-7", json.RootElement.GetProperty("groupId").GetString());
        Assert.Equal(42, json.RootElement.GetProperty("memberNumber").GetInt32());
    }

    [Fact]
    public async Task A_function_without_a_route_is_served_at_its_name()
    {
        using var response = await host.Client.GetAsync(new Uri("api/SampleDefaultRoute", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Problem_details_are_served_as_problem_json()
    {
        using var response = await host.Client.GetAsync(new Uri("api/samples/problem", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("Not allowed here", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(409, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task IResult_functions_read_the_body_under_the_hosts_body_size_limit()
    {
        using var content = new StringContent("{\"hello\":\"world\"}");
        using var response = await host.Client.PostAsync(new Uri("api/samples/echo", UriKind.Relative), content, Cancellation);

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(17, json.RootElement.GetProperty("length").GetInt32());
        Assert.Equal(LocalHostApp.MaxRequestBodySize, json.RootElement.GetProperty("maxRequestBodySize").GetInt64());
    }

    [Fact]
    public async Task A_function_context_carries_the_definition_the_http_context_and_the_scope()
    {
        var body = await host.Client.GetStringAsync(new Uri("api/samples/context", UriKind.Relative), Cancellation);

        using var json = JsonDocument.Parse(body);
        Assert.Equal("SampleContext", json.RootElement.GetProperty("functionName").GetString());
        Assert.True(json.RootElement.GetProperty("hasHttpContext").GetBoolean());
        Assert.True(json.RootElement.GetProperty("hasServices").GetBoolean());
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_without_body()
    {
        using var response = await host.Client.GetAsync(new Uri("api/samples/throws", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task ValueTask_results_are_awaited()
    {
        using var response = await host.Client.DeleteAsync(new Uri($"api/samples/items/{Guid.NewGuid()}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
