using System.Net;

namespace Reintegration.EndToEnd.Tests;

/// <summary>What a caller puts in a URL neither lands in the logs as a secret nor forges a log line.</summary>
public sealed class LogSafetyTests(LoggedHostFixture host) : IClassFixture<LoggedHostFixture>
{
    private const string Secret = "s3cr3t-query-token-7f2c";

    [Fact]
    public async Task A_token_in_the_query_string_is_in_no_log_line()
    {
        using var client = host.ClientFor("caseworker", "org-ref-demo");
        using var list = await client.GetAsync($"api/cases?access_token={Secret}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var unknown = await host.Client.GetAsync($"api/no-such-route?access_token={Secret}&code={Secret}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var lines = host.InformationLogs.Lines;
        Assert.Contains(lines, l => l.Contains("/api/no-such-route", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("%0A")]
    [InlineData("%0D%0A")]
    [InlineData("%E2%80%A8")]
    [InlineData("%1B%5B2J")]
    public async Task A_line_break_in_the_path_cannot_start_a_log_line(string encoded)
    {
        var marker = $"FORGED-{Guid.NewGuid():N}";
        using var unknown = await host.Client.GetAsync($"api/no-such-route{encoded}{marker}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var caseRoute = await host.ClientFor("caseworker", "org-ref-demo").GetAsync($"api/cases/c{encoded}{marker}");
        Assert.Equal(HttpStatusCode.NotFound, caseRoute.StatusCode);

        var logged = host.InformationLogs.Lines.Where(l => l.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, line => Assert.DoesNotContain(line, c => char.IsControl(c) || c is '\u2028' or '\u2029'));
    }
}
