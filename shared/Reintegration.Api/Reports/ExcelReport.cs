using MiniExcelLibs;
using Reintegration.Core.Reports;

namespace Reintegration.Api.Reports;

/// <summary>A workbook with a sheet per table; each sheet starts with the period, filters and computed-at lines.</summary>
public static class ExcelReport
{
    private const int SheetNameLength = 31;

    public static byte[] Write(FigureReport report)
    {
        var heading = ReportCells.Heading(report);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in report.Tables)
        {
            var lines = new List<IReadOnlyList<object?>>();
            lines.AddRange(heading.Select(h => (IReadOnlyList<object?>)h.Cast<object?>().ToList()));
            lines.Add([]);
            lines.Add([table.Title, table.Unit]);
            lines.Add([table.RowHeading, .. table.Columns]);
            // Numbers stay numbers in the workbook; the markers are text.
            lines.AddRange(table.Rows.Select(r => (IReadOnlyList<object?>)[r.Label, .. r.Cells]));
            var width = lines.Max(l => l.Count);
            var columns = Enumerable.Range(0, width).Select(Column).ToList();
            var rows = lines.Select(line => (IDictionary<string, object?>)columns
                .Select((name, i) => (name, value: i < line.Count ? line[i] ?? "" : ""))
                .ToDictionary(p => p.name, p => p.value)).ToList();
            sheets[SheetName(table.Name, sheets.Keys)] = rows;
        }
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var shortened = name.Length <= SheetNameLength ? name : name[..SheetNameLength];
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = 2; used.Contains(shortened); n++)
        {
            shortened = $"{name[..Math.Min(name.Length, SheetNameLength - 3)]}-{n}";
        }
        return shortened;
    }
}
