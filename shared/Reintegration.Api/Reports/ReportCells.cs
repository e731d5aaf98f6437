using System.Globalization;
using Reintegration.Core.Reports;

namespace Reintegration.Api.Reports;

/// <summary>The lines every sheet starts with, and cells as text, the same in every export.</summary>
public static class ReportCells
{
    public static IReadOnlyList<IReadOnlyList<string>> Heading(FigureReport report) =>
    [
        ["report", report.Title],
        ["period", $"{report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}"],
        ["filters", report.Filters.Count == 0 ? "none" : string.Join("; ", report.Filters.Select(f => $"{f.Name}={f.Value}"))],
        ["cases", report.Scope],
        ["computed at", report.ComputedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)],
        ["small counts", $"1 to {report.SmallCellsShownAs.TrimStart('<')}-1 shown as {report.SmallCellsShownAs}; " +
            $"{report.ProtectingCellsShownAs} hides a figure that would give one away"],
    ];

    public static string Text(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
