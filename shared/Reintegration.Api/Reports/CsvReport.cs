using CsvHelper;
using Reintegration.Core.Reports;

namespace Reintegration.Api.Reports;

/// <summary>One CSV: the heading lines, then each table under its title, with a blank line between.</summary>
public static class CsvReport
{
    public static byte[] Write(FigureReport report)
    {
        var lines = new List<IReadOnlyList<string>>(ReportCells.Heading(report));
        foreach (var table in report.Tables)
        {
            lines.Add([""]);
            lines.Add([table.Title, table.Unit]);
            lines.Add([table.RowHeading, .. table.Columns]);
            lines.AddRange(table.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Cells.Select(ReportCells.Text)]));
        }
        // Every record as wide as the widest: CSV readers expect one field count.
        var width = lines.Max(l => l.Count);
        using var stream = new MemoryStream();
        // Text that starts like a formula is escaped, so no label can run in the funder's spreadsheet.
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var line in lines)
            {
                for (var i = 0; i < width; i++)
                {
                    csv.WriteField(i < line.Count ? line[i] : "");
                }
                csv.EndRecord();
            }
            csv.Flush();
        }
        return stream.ToArray();
    }
}
