namespace Reintegration.Core.Reports;

/// <summary>
/// Mean sustainability scores (docs/monitoring-scores.md) of the reports submitted in the period, by country and by
/// months since return. A mean is shown only where at least the threshold of people's reports make it up.
/// </summary>
internal static class SustainabilityFigures
{
    private static readonly string[] Columns = ["cases", "reports", "economic", "social", "psychosocial"];

    public static IReadOnlyList<FigureTable> Tables(IReadOnlyList<CaseFigures> cases, ReportQuery query, TableBuilder table)
    {
        var reports = cases.SelectMany(c => c.Checkpoints.Where(k => k.Scores is not null && k.SubmittedOn is { } on && query.InPeriod(on))
            .Select(k => (Case: c, Checkpoint: k))).ToList();
        var countries = reports.Select(r => r.Case.Country).Distinct().Order(StringComparer.Ordinal).ToList();
        var months = reports.Select(r => r.Checkpoint.MonthsAfterArrival).Distinct().Order().ToList();
        return
        [
            // A case has one country, so its cases add up to the total row; its suppression protects the means too.
            Means("sustainability-by-country", "Mean sustainability scores by country of return", "country", countries,
                reports.GroupBy(r => r.Case.Country).ToDictionary(g => g.Key, g => g.ToList()), table, withTotal: true),
            // A case reports at several checkpoints, so these rows are not parts of a whole: no total row to give them away.
            Means("sustainability-by-months-since-return", "Mean sustainability scores by months since return", "months since return",
                months.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                reports.GroupBy(r => r.Checkpoint.MonthsAfterArrival.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .ToDictionary(g => g.Key, g => g.ToList()), table, withTotal: false),
        ];
    }

    private static FigureTable Means(string name, string title, string rowHeading, IReadOnlyList<string> rows,
        Dictionary<string, List<(CaseFigures Case, CheckpointFigures Checkpoint)>> reports, TableBuilder table, bool withTotal)
    {
        var people = new long[rows.Count, 1];
        for (var r = 0; r < rows.Count; r++)
        {
            people[r, 0] = reports[rows[r]].Select(x => x.Case.CaseId).Distinct().Count();
        }
        var grid = new CountGrid(people, rowTotals: false, columnTotals: withTotal);
        var marks = grid.Suppress(table.Threshold);
        var published = new List<FigureRow>();
        for (var r = 0; r < rows.Count + (withTotal ? 1 : 0); r++)
        {
            var group = r < rows.Count ? reports[rows[r]] : reports.Values.SelectMany(x => x).ToList();
            var mark = marks[r, 0];
            published.Add(new FigureRow(r < rows.Count ? rows[r] : TableBuilder.Total,
            [
                table.Mark(mark, grid.Value(r, 0)),
                table.Mark(mark, (long)group.Count),
                table.Mark(mark, Mean(group, s => s.Economic)),
                table.Mark(mark, Mean(group, s => s.Social)),
                table.Mark(mark, Mean(group, s => s.Psychosocial)),
            ]));
        }
        return new FigureTable(name, title, "score", rowHeading, Columns, published);
    }

    private static decimal? Mean(List<(CaseFigures Case, CheckpointFigures Checkpoint)> group, Func<Monitoring.SustainabilityScores, decimal> score) =>
        group.Count == 0 ? null : decimal.Round(group.Average(x => score(x.Checkpoint.Scores!)), 2, MidpointRounding.AwayFromZero);
}
