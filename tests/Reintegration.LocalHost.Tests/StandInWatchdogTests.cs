using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reintegration.LocalHost.StandIns;

namespace Reintegration.LocalHost.Tests;

/// <summary>
/// The local host over stand-ins of its own (own data directory, own ports): when the Cosmos DB stand-in's process is
/// killed, /api/health names it while it is down, and the watchdog starts it again on the same port over its journal.
/// The watchdog's clock is a fake one, so "while it is down" lasts until the test moves it.
/// </summary>
public sealed class StandInWatchdogTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_killed_cosmos_stand_in_is_restarted_on_its_port_and_the_app_reads_the_same_case_back()
    {
        var dataDirectory = StandInData.NewDirectory();
        var watchdogClock = new FakeTimeProvider();
        var restarts = new RestartPolicy();
        try
        {
            await using var standIns = await StandInSet.StartAsync(
                new StandInOptions { DataDirectory = dataDirectory, Restarts = restarts, WatchdogTime = watchdogClock }, cancellationToken: Cancellation);
            await using var host = await LocalHostApp.StartAsync(new LocalHostOptions
            {
                Urls = "http://127.0.0.1:0",
                StandIns = standIns,
                ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
            }, cancellationToken: Cancellation);
            using var anyone = host.CreateClient();
            using var caseworker = host.CreateClient();
            caseworker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.CreateToken("caseworker", "org-ref-demo"));
            var caseId = await ReferAsync(caseworker);
            var before = await ReadCaseAsync(caseworker, caseId);
            var (port, process) = (standIns.Cosmos.Port, standIns.Cosmos.ProcessId);

            Process.GetProcessById(process).Kill(); // SIGKILL: no chance to close anything

            await Eventually.TrueAsync(async () => await HealthAsync(anyone) is (HttpStatusCode.ServiceUnavailable, var body) && body.Contains("cosmosDb", StringComparison.Ordinal), Deadline);
            await Eventually.TrueAsync(async () =>
            {
                watchdogClock.Advance(restarts.MaxDelay);
                return await ReadCaseAsync(caseworker, caseId) is not null;
            }, Deadline);
            var after = await ReadCaseAsync(caseworker, caseId);

            Assert.Equal(port, standIns.Cosmos.Port);
            Assert.NotEqual(process, standIns.Cosmos.ProcessId);
            Assert.True(JsonNode.DeepEquals(before, after), $"the case read back differs:{Environment.NewLine}{before}{Environment.NewLine}{after}");
            await Eventually.TrueAsync(async () => (await HealthAsync(anyone)).Status == HttpStatusCode.OK, Deadline);
            Assert.Equal(0, standIns.GivenUp);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<string> ReferAsync(HttpClient caseworker)
    {
        const string referral = """
            {"person":{"givenName":"Ama","familyName":"Mensah","dateOfBirth":"1990-04-02","nationality":"GH"},
             "countryOfReturn":"GH","category":"AsylumProcedureExhausted",
             "consent":{"sharingWithPartner":true,"givenOn":"2026-01-10","method":"SignedForm"}}
            """;
        using var response = await caseworker.PostAsync("api/referrals", new StringContent(referral, Encoding.UTF8, "application/json"), Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!["id"]!.GetValue<string>();
    }

    /// <summary>The case as the API answers it, or null while it cannot.</summary>
    private static async Task<JsonNode?> ReadCaseAsync(HttpClient caseworker, string caseId)
    {
        using var response = await caseworker.GetAsync($"api/cases/{caseId}", Cancellation);
        return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation)) : null;
    }

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(HttpClient anyone)
    {
        using var response = await anyone.GetAsync("api/health", Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }
}
