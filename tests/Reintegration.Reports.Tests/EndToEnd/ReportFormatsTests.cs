using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using ApiClient = Reintegration.EndToEnd.Tests.Api;

namespace Reintegration.Reports.Tests.EndToEnd;

/// <summary>A coordinator gets the quarter's figures as JSON for the apps, CSV and a workbook for the funder, and a page for the board.</summary>
public sealed class ReportFormatsTests(ReportsHostFixture host)
{
    private readonly ApiClient api = new(host);

    [Fact]
    public async Task A_coordinator_gets_the_quarters_figures_as_json_csv_excel_and_html()
    {
        var organisation = await api.NewOrganisation();
        await Reports.ReferMany(api, api.Caseworker(organisation), 6, "GH", "AsylumProcedureExhausted");
        await host.CatchUpAsync();
        var query = $"{Reports.Period(host, out var from, out var to)}&referringOrganisation={organisation}";
        var coordinator = api.Coordinator();

        var json = await Reports.Json(coordinator, "quarterly", query);
        Assert.Equal(from.ToString("yyyy-MM-dd"), json["from"]!.GetValue<string>());
        Assert.Equal(organisation, json["filters"]!.AsArray().Single()!["value"]!.GetValue<string>());
        var byCountry = Reports.Table(json, "referrals-by-country");
        Assert.Equal("6", Reports.Cell(byCountry, "GH", "AsylumProcedureExhausted"));
        Assert.Equal("6", Reports.Cell(byCountry, "Total", "Total"));
        Assert.Equal("6", Reports.Cell(Reports.Table(json, "journey-funnel"), "referred", "Total"));
        Assert.Equal("0", Reports.Cell(Reports.Table(json, "journey-funnel"), "accepted", "Total"));
        var computedAt = json["computedAt"]!.GetValue<DateTimeOffset>();
        Assert.True(computedAt <= host.Time.GetUtcNow() && computedAt > host.Time.GetUtcNow().AddMinutes(-5));

        using (var csv = await coordinator.GetAsync($"api/reports/quarterly?{query}&format=csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
            Assert.Contains(lines, l => l.StartsWith($"period,{from:yyyy-MM-dd} to {to:yyyy-MM-dd}", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"filters,referringOrganisation={organisation}", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("computed at,", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("GH,0,0,6,0,6", StringComparison.Ordinal));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"api/reports/quarterly?{query}"))
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            using var xlsx = await coordinator.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal("attachment", xlsx.Content.Headers.ContentDisposition?.DispositionType);
            using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
            var sheets = MiniExcel.GetSheetNames(workbook);
            Assert.Equal(json["tables"]!.AsArray().Count, sheets.Count);
            foreach (var sheet in sheets)
            {
                workbook.Position = 0;
                var rows = MiniExcel.Query(workbook, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
                var firstColumn = rows.Select(r => r["A"]?.ToString()).ToList();
                Assert.Contains("period", firstColumn);
                Assert.Contains("filters", firstColumn);
                Assert.Contains("computed at", firstColumn);
            }
            workbook.Position = 0;
            var country = MiniExcel.Query(workbook, sheetName: "referrals-by-country").Cast<IDictionary<string, object>>()
                .Single(r => r["A"]?.ToString() == "GH");
            Assert.Equal(6m, Convert.ToDecimal(country["D"], System.Globalization.CultureInfo.InvariantCulture));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"api/reports/quarterly?{query}"))
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var html = await coordinator.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(";", html.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp);
            Assert.DoesNotContain("script-src", csp);
            var page = await html.Content.ReadAsStringAsync();
            Assert.Contains("<svg", page);
            Assert.DoesNotContain("<script", page);
            Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
            Assert.DoesNotContain("https://", page);
        }
    }

    [Fact]
    public async Task No_personal_data_reaches_a_report()
    {
        var organisation = await api.NewOrganisation();
        await Reports.ReferMany(api, api.Caseworker(organisation), 5, "GH", "AsylumProcedureExhausted");
        await host.CatchUpAsync();
        var query = $"{Reports.Period(host, out _, out _)}&referringOrganisation={organisation}";
        foreach (var format in new[] { "json", "csv", "html" })
        {
            using var response = await api.Dpo().GetAsync($"api/reports/quarterly?{query}&format={format}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The test referral's person, family, contact and vulnerability.
            foreach (var personal in new[] { "Ama", "Mensah", "Kofi", "1990-04-02", "ama@example.org", "+31 6 1234 5678", "medication" })
            {
                Assert.DoesNotContain(personal, text);
            }
        }
    }

    [Fact]
    public async Task Bad_requests_are_answered_with_problems_naming_the_parameter()
    {
        var coordinator = api.Coordinator();
        var period = Reports.Period(host, out _, out _);
        using (var unknown = await coordinator.GetAsync($"api/reports/everything?{period}"))
        {
            await ApiClient.AssertProblem(unknown, HttpStatusCode.NotFound, "not-found");
        }
        foreach (var query in new[] { "to=2026-01-01", "from=2026-02-01&to=2026-01-01", $"{period}&format=pdf", $"{period}&country=Ghana",
                     $"{period}&targetGroup=Everyone", $"{period}&phase=%3Cb%3E", $"{period}&caseId=1" })
        {
            using var response = await coordinator.GetAsync($"api/reports/referrals?{query}");
            await ApiClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
        }
        using (var anonymous = await host.Client.GetAsync($"api/reports/referrals?{period}"))
        {
            await ApiClient.AssertProblem(anonymous, HttpStatusCode.Unauthorized, "unauthenticated");
        }
    }

    [Fact]
    public async Task The_figures_catch_up_with_the_cases_within_a_minute_of_the_apps_clock()
    {
        var organisation = await api.NewOrganisation();
        await Reports.ReferMany(api, api.Caseworker(organisation), 5, "GH", "VulnerableMigrant");
        var query = $"{Reports.Period(host, out _, out _)}&referringOrganisation={organisation}";
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var report = await Reports.Json(api.Coordinator(), "referrals", query);
            if (Reports.Cell(Reports.Table(report, "referrals-by-country"), "Total", "Total") == "5")
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "The scheduled job did not bring the figures up to date.");
            await Task.Delay(200);
        }
    }
}
