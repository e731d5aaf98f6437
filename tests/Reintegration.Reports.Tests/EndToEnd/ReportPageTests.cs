using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ApiClient = Reintegration.EndToEnd.Tests.Api;

namespace Reintegration.Reports.Tests.EndToEnd;

/// <summary>The quarterly page opens in a browser with its charts and figures, from the file alone.</summary>
public sealed partial class ReportPageTests(ReportsHostFixture host)
{
    private readonly ApiClient api = new(host);

    [Fact]
    public async Task The_quarterly_report_renders_in_chromium_with_its_charts_and_figures()
    {
        if (!HeadlessChromium.Installed)
        {
            Assert.Skip($"Debian's chromium is not installed at {HeadlessChromium.Path} (apt-get install -y chromium; .ci/run installs it).");
        }
        var organisation = await api.NewOrganisation();
        await Reports.ReferMany(api, api.Caseworker(organisation), 7, "GH", "TemporaryPermitHolder");
        await Reports.ReferMany(api, api.Caseworker(organisation), 9, "TG", "VulnerableMigrant");
        await host.CatchUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"api/reports/quarterly?{Reports.Period(host, out _, out _)}&referringOrganisation={organisation}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await api.Coordinator().SendAsync(request);
        var page = Path.Combine(Path.GetTempPath(), $"quarterly-{Guid.NewGuid():N}.html");
        var blank = Path.Combine(Path.GetTempPath(), $"blank-{Guid.NewGuid():N}.html");
        await File.WriteAllBytesAsync(page, await response.Content.ReadAsByteArrayAsync());
        await File.WriteAllTextAsync(blank, "<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>");
        try
        {
            var dom = await HeadlessChromium.DumpDomAsync(page);
            Assert.Contains("The programme in figures", dom);
            // A chart per table with rows (three of referrals, three of the journey; these cases have no budget or
            // monitoring yet), and bars of the drawn figures: referrals by country has a bar of 7 and one of 9.
            Assert.True(Regex.Count(dom, "<svg") >= 6, "Each table with rows has its chart.");
            Assert.Contains("No cases.", dom);
            var bars = BarWidths().Matches(dom).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Contains(bars, w => w > 0);
            Assert.Matches(@"<th>GH</th><td>0</td><td>7</td><td>0</td><td>0</td><td>7</td>", dom);
            Assert.Matches(@"<th>TG</th><td>0</td><td>0</td><td>0</td><td>9</td><td>9</td>", dom);

            var screenshot = await HeadlessChromium.ScreenshotAsync(page);
            var empty = await HeadlessChromium.ScreenshotAsync(blank);
            Assert.True(screenshot.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "A PNG.");
            // A blank page compresses to almost nothing; text, tables and bars do not.
            Assert.True(screenshot.Length > 4 * empty.Length, $"The screenshot ({screenshot.Length} bytes) is not blank ({empty.Length} bytes).");
        }
        finally
        {
            File.Delete(page);
            File.Delete(blank);
        }
    }

    [GeneratedRegex("<rect class=\"bar\"[^>]* width=\"(\\d+)\"")]
    private static partial Regex BarWidths();
}
