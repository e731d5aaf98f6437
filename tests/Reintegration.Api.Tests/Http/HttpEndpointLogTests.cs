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

    [Fact]
    public void A_long_value_is_cut() => Assert.True(LogValue.Of(new string('a', 10_000)).Length <= LogValue.MaxLength + 1);
}
