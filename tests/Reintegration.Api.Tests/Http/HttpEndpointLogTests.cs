using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reintegration.Api.Http;

namespace Reintegration.Api.Tests.Http;

public class HttpEndpointLogTests
{
    private sealed class Lines : ILogger<HttpEndpoint>
    {
        public List<string> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add(formatter(state, exception));
    }

    [Theory]
    [InlineData("/api/cases/c1\nERROR forged line")]
    [InlineData("/api/cases/c1\r\nERROR forged line")]
    [InlineData("/api/cases/c1\u2028ERROR forged line")]
    [InlineData("/api/cases/c1\u001b[2JERROR forged line")]
    public async Task The_route_of_an_unexpected_failure_is_logged_on_one_line(string path)
    {
        var lines = new Lines();
        var endpoint = new HttpEndpoint(null!, null!, lines);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;

        var answer = (JsonResponse)await endpoint.AnonymousAsync(context.Request, () => throw new InvalidOperationException("Ama Mensah"));

        Assert.Equal(StatusCodes.Status500InternalServerError, answer.StatusCode);
        var line = Assert.Single(lines.Written);
        Assert.Contains("ERROR forged line", line);
        Assert.DoesNotContain(line, c => char.IsControl(c) || c is '\u2028' or '\u2029');
        Assert.DoesNotContain("Ama Mensah", line);
    }

    public static TheoryData<Exception> DatabaseFailures() =>
    [
        new Microsoft.Azure.Cosmos.CosmosException("throttled", System.Net.HttpStatusCode.TooManyRequests, 3200, "a", 1),
        new Microsoft.Azure.Cosmos.CosmosException("down", System.Net.HttpStatusCode.ServiceUnavailable, 0, "a", 1),
        new Microsoft.Azure.Cosmos.CosmosException("slow", System.Net.HttpStatusCode.RequestTimeout, 0, "a", 1),
    ];

    [Theory]
    [MemberData(nameof(DatabaseFailures))]
    public async Task A_database_that_throttles_is_down_or_times_out_answers_503_with_retry_after(Exception failure)
    {
        var lines = new Lines();
        var endpoint = new HttpEndpoint(null!, null!, lines);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/cases/c1";

        var answer = (JsonResponse)await endpoint.AnonymousAsync(context.Request, () => throw failure);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.StatusCode);
        Assert.Equal(ProblemTypes.DependencyUnavailable, Assert.IsType<Problem>(answer.Body).Type);
        Assert.True(int.Parse(answer.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task Any_other_database_failure_is_still_unexpected()
    {
        var endpoint = new HttpEndpoint(null!, null!, new Lines());
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/cases/c1";

        var answer = (JsonResponse)await endpoint.AnonymousAsync(context.Request,
            () => throw new Microsoft.Azure.Cosmos.CosmosException("bad", System.Net.HttpStatusCode.BadRequest, 0, "a", 1));

        Assert.Equal(StatusCodes.Status500InternalServerError, answer.StatusCode);
    }

    [Fact]
    public void A_long_value_is_cut() => Assert.True(LogValue.Of(new string('a', 10_000)).Length <= LogValue.MaxLength + 1);
}
