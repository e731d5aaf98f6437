using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Core.Reports;
using Reintegration.Reports.Tests.Suppression;
using ApiClient = Reintegration.EndToEnd.Tests.Api;

namespace Reintegration.Reports.Tests.EndToEnd;

/// <summary>Four people of one country and target group are a "&lt;5" that no total of the report gives away.</summary>
public sealed class SmallCellsTests(ReportsHostFixture host)
{
    private static readonly string[] Groups = ["AwaitingAsylumDecision", "TemporaryPermitHolder", "AsylumProcedureExhausted", "VulnerableMigrant"];

    private readonly ApiClient api = new(host);

    [Fact]
    public async Task Four_cases_in_one_country_and_target_group_show_small_and_no_total_reveals_them()
    {
        var organisation = await api.NewOrganisation();
        var caseworker = api.Caseworker(organisation);
        var truth = new long[,] { { 0, 0, 4, 6 }, { 0, 0, 6, 5 } };
        string[] countries = ["GH", "TG"];
        for (var r = 0; r < 2; r++)
        {
            for (var g = 0; g < Groups.Length; g++)
            {
                await Reports.ReferMany(api, caseworker, (int)truth[r, g], countries[r], Groups[g]);
            }
        }
        await host.CatchUpAsync();
        var query = $"{Reports.Period(host, out _, out _)}&referringOrganisation={organisation}";
        var report = await Reports.Json(api.Coordinator(), "referrals", query);
        var table = Reports.Table(report, "referrals-by-country");

        Assert.Equal("<5", report["smallCellsShownAs"]!.GetValue<string>());
        Assert.Equal("<5", Reports.Cell(table, "GH", "AsylumProcedureExhausted"));
        Assert.DoesNotContain("4", Published(table).Where(c => c is not null).Select(c => c!));
        AssertNothingRecoverable(table, truth);

        // The same cases in the other tables of the report and in its CSV.
        Assert.Equal("21", Reports.Cell(Reports.Table(report, "referrals-by-month"), "Total", "Total"));
        using var csv = await api.Coordinator().GetAsync($"api/reports/referrals?{query}&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        var ghana = lines.Single(l => l.StartsWith("GH,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("<5", ghana[3]);
        Assert.DoesNotContain("4", ghana);
    }

    private static IEnumerable<string?> Published(JsonObject table) =>
        table["rows"]!.AsArray().SelectMany(r => r!["cells"]!.AsArray().Select(c => c?.ToString()));

    /// <summary>Reads the published table as a reader would and searches for another value of every hidden cell.</summary>
    private static void AssertNothingRecoverable(JsonObject table, long[,] truth)
    {
        var grid = new CountGrid(truth);
        var problem = grid.Problem();
        var marks = new CellMark[problem.Values.Count];
        var rows = table["rows"]!.AsArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r]!["cells"]!.AsArray();
            for (var c = 0; c < cells.Count; c++)
            {
                var text = cells[c]?.ToString();
                marks[grid.Index(r, c)] = text switch { "<5" => CellMark.Small, "x" => CellMark.Protecting, _ => CellMark.Shown };
                if (marks[grid.Index(r, c)] == CellMark.Shown)
                {
                    Assert.Equal(problem.Values[grid.Index(r, c)].ToString(System.Globalization.CultureInfo.InvariantCulture), text);
                }
            }
        }
        for (var i = 0; i < marks.Length; i++)
        {
            if (marks[i] != CellMark.Shown)
            {
                Assert.True(Reader.CanBeOtherThanTrue(problem, marks, 5, i), $"Hidden entry {i} can be recovered from {table.ToJsonString()}");
            }
        }
        Assert.Contains(CellMark.Protecting, marks);
    }
}
