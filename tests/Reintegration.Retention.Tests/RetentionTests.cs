using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Core.Retention;
using Reintegration.EndToEnd.Tests;
using ApiClient = Reintegration.EndToEnd.Tests.Api;

namespace Reintegration.Retention.Tests;

/// <summary>
/// Retention periods passing on the app's clock, through the HTTP API and the job as the timer runs it. One class, so its
/// tests run one after another on the shared clock, which only ever moves forward.
/// </summary>
public sealed class RetentionTests(RetentionHostFixture host)
{
    private readonly ApiClient api = new(host);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<RetentionRun> RunJob() => host.Services.GetRequiredService<RetentionJob>().RunAsync(Cancel);

    private async Task<JsonArray> Preview()
    {
        using var response = await api.Dpo().GetAsync("api/retention/preview", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiClient.ReadObject(response))["items"]!.AsArray();
    }

    private async Task<(JsonObject Case, string ETag)> Case(string id)
    {
        using var response = await api.Coordinator().GetAsync($"api/cases/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiClient.ReadObject(response), response.Headers.ETag!.Tag);
    }

    private async Task<JsonObject> Document(string caseId, string documentId)
    {
        using var response = await api.Dpo().GetAsync($"api/cases/{caseId}/documents/{documentId}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiClient.ReadObject(response))["document"]!.AsObject();
    }

    [Fact]
    public async Task The_job_anonymises_exactly_the_cases_past_their_period_once_and_deletes_the_receipts_after_the_audit_period()
    {
        var organisation = await api.NewOrganisation();
        var (due, _) = await api.CaseAt("Monitoring", organisation);
        var receipt = await Erasure.SpendWithReceipt(api.Partner(), due);
        var identity = await Documents.Upload(api.Partner(), due, "IdentityDocument", "receipt.jpg", "image/jpeg");
        await Erasure.Withdraw(api, due, organisation);
        var (open, _) = await api.CaseAt("Accepted", organisation);
        var endedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Time.GetUtcNow(), Core.Time.ProgrammeClock.DefaultZone).DateTime);

        host.Time.Advance(TimeSpan.FromDays(30));
        var (endedLater, _) = await api.CaseAt("Accepted", organisation);
        await Erasure.Withdraw(api, endedLater, organisation);
        var laterBefore = await Case(endedLater);
        var openBefore = await Case(open);
        // 735 days after the first case ended: past its 24 months; the case ended 30 days later is not.
        host.Time.Advance(TimeSpan.FromDays(705));

        var preview = await Preview();
        var item = Assert.Single(preview, i => i!["caseId"]!.GetValue<string>() is var id && (id == due || id == endedLater || id == open))!;
        Assert.Equal((due, "anonymise", endedOn.AddMonths(24).ToString("yyyy-MM-dd")),
            (item["caseId"]!.GetValue<string>(), item["action"]!.GetValue<string>(), item["dueOn"]!.GetValue<string>()));

        var first = await RunJob();
        Assert.True(first.CasesAnonymised >= 1, $"anonymised {first.CasesAnonymised}");
        var (anonymised, anonymisedETag) = await Case(due);
        Assert.Equal(("", ""), (anonymised["person"]!["givenName"]!.GetValue<string>(), anonymised["person"]!["familyName"]!.GetValue<string>()));
        Assert.Equal("Erased", (await Document(due, identity))["status"]!.GetValue<string>());
        var kept = await Document(due, receipt);
        Assert.Equal(("Accepted", $"receipt-{receipt}.pdf"), (kept["status"]!.GetValue<string>(), kept["fileName"]!.GetValue<string>()));
        Assert.Equal(laterBefore.ETag, (await Case(endedLater)).ETag);
        Assert.Equal(openBefore.ETag, (await Case(open)).ETag);

        var second = await RunJob();
        Assert.Equal((0, 0), (second.CasesRead, second.FilesErased));
        Assert.Equal(anonymisedETag, (await Case(due)).ETag);

        host.Time.Advance(TimeSpan.FromDays(366 * 5 + 30));
        var financial = Assert.Single(await Preview(), i => i!["caseId"]!.GetValue<string>() == due)!;
        Assert.Equal("delete-financial-files", financial["action"]!.GetValue<string>());
        await RunJob();
        Assert.Equal("Erased", (await Document(due, receipt))["status"]!.GetValue<string>());
        Assert.DoesNotContain(await Preview(), i => i!["caseId"]!.GetValue<string>() == due);
    }
}
