using System.Text.Json.Nodes;
using ApiClient = Reintegration.EndToEnd.Tests.Api;

namespace Reintegration.Reports.Tests.EndToEnd;

/// <summary>Whose figures a caller gets: the same scope as its case listings (CasePermissions).</summary>
public sealed class ReportScopeTests(ReportsHostFixture host)
{
    private readonly ApiClient api = new(host);

    private static string Referred(JsonObject report) => Reports.Cell(Reports.Table(report, "journey-funnel"), "referred", "Total");

    [Fact]
    public async Task Referring_organisations_see_their_own_cases_and_partners_the_cases_assigned_to_them()
    {
        var organisation = await api.NewOrganisation();
        var caseworker = api.Caseworker(organisation);
        var coordinator = api.Coordinator();
        foreach (var id in await Reports.ReferMany(api, caseworker, 5, "GH", "AsylumProcedureExhausted"))
        {
            using var read = await coordinator.GetAsync($"api/cases/{id}");
            var etag = await ApiClient.Do(coordinator, id, read.Headers.ETag!.Tag, "accept");
            await ApiClient.Do(caseworker, id, etag, "assign-partner", new JsonObject { ["partnerId"] = "partner-gh-1" });
        }
        await Reports.ReferMany(api, caseworker, 5, "GH", "AsylumProcedureExhausted");
        await host.CatchUpAsync();
        var period = Reports.Period(host, out _, out _);
        var ofOrganisation = $"{period}&referringOrganisation={organisation}";

        Assert.Equal("10", Referred(await Reports.Json(coordinator, "journey", ofOrganisation)));
        Assert.Equal("10", Referred(await Reports.Json(api.Dpo(), "journey", ofOrganisation)));
        var own = await Reports.Json(caseworker, "journey", period);
        Assert.Equal("10", Referred(own));
        Assert.Equal($"the cases of {organisation}", own["scope"]!.GetValue<string>());
        Assert.Equal("5", Referred(await Reports.Json(api.Partner("partner-gh-1"), "journey", ofOrganisation)));
        Assert.Equal("5", Reports.Cell(Reports.Table(await Reports.Json(api.Partner("partner-gh-1"), "journey", ofOrganisation),
            "journey-funnel"), "accepted", "Total"));

        // Another referring organisation asking for these cases, and another partner, get nothing of them.
        Assert.Equal("0", Referred(await Reports.Json(api.Caseworker("org-ref-other"), "journey", ofOrganisation)));
        Assert.Equal("0", Referred(await Reports.Json(api.Partner("partner-wa-regional"), "journey", ofOrganisation)));
    }
}
