using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Reintegration.Core.Reports;

namespace Reintegration.Api.Reports;

/// <summary>
/// The report as one self-contained page for the board: a bar chart (inline SVG) and the table of each set of
/// figures. No script, font or image is fetched; the only style is the page's own, allowed by its hash.
/// </summary>
public static class HtmlReport
{
    private const string Style =
        "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:0.5em 0 2em}" +
        "th,td{border:1px solid #bbb;padding:0.2em 0.6em;text-align:right}th:first-child,td:first-child{text-align:left}" +
        "caption{text-align:left;font-weight:bold;padding:0.3em 0}dl{display:grid;grid-template-columns:max-content auto;gap:0.2em 1em}";

    private const int BarHeight = 18;
    private const int LabelWidth = 220;
    private const int ChartWidth = 640;

    /// <summary>What a browser may do with the page: apply its own style, and nothing else.</summary>
    public static string ContentSecurityPolicy =>
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; frame-ancestors 'none'";

    public static byte[] Write(FigureReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(report.Title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1><dl id=\"report-heading\">");
        foreach (var line in ReportCells.Heading(report))
        {
            html.Append("<dt>").Append(E(line[0])).Append("</dt><dd>").Append(E(line[1])).Append("</dd>");
        }
        html.Append("</dl>");
        foreach (var table in report.Tables)
        {
            html.Append("<section id=\"").Append(E(table.Name)).Append("\"><h2>").Append(E(table.Title)).Append("</h2>");
            Chart(html, table, report.SmallCellsShownAs);
            Table(html, table);
            html.Append("</section>");
        }
        html.Append("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>A horizontal bar per row, of the total column (or the first): hidden figures get no bar, only their marker.</summary>
    private static void Chart(StringBuilder html, FigureTable table, string smallMarker)
    {
        var column = table.Columns.Count - 1;
        if (table.Columns[column] != TableBuilder.Total)
        {
            column = 0;
        }
        var rows = table.Rows.Where(r => r.Label != TableBuilder.Total).ToList();
        if (rows.Count == 0)
        {
            html.Append("<p>No cases.</p>");
            return;
        }
        var values = rows.Select(r => r.Cells[column] switch { long l => (decimal)l, decimal d => d, _ => (decimal?)null }).ToList();
        var max = values.Max(v => v ?? 0m);
        var height = rows.Count * (BarHeight + 4) + 4;
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"{ChartWidth + LabelWidth + 80}\" height=\"{height}\" aria-label=\"")
            .Append(E($"{table.Title}: {table.Columns[column]}")).Append("\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 4 + i * (BarHeight + 4);
            var width = values[i] is { } v && max > 0 ? (int)Math.Round(v / max * ChartWidth) : 0;
            var label = values[i] is { } shown ? ReportCells.Text(shown) : ReportCells.Text(rows[i].Cells[column]);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + BarHeight - 5}\" font-size=\"12\" fill=\"#222\">").Append(E(rows[i].Label)).Append("</text>");
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{BarHeight}\" fill=\"#2b6cb0\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6}\" y=\"{y + BarHeight - 5}\" font-size=\"12\" fill=\"#222\">").Append(E(label)).Append("</text>");
        }
        html.Append("</svg>");
    }

    private static void Table(StringBuilder html, FigureTable table)
    {
        html.Append("<table><caption>").Append(E($"{table.Title} ({table.Unit})")).Append("</caption><thead><tr><th>")
            .Append(E(table.RowHeading)).Append("</th>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(E(column)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr><th>").Append(E(row.Label)).Append("</th>");
            foreach (var cell in row.Cells)
            {
                html.Append("<td>").Append(E(ReportCells.Text(cell))).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
