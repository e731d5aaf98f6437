namespace Reintegration.Core.Reports;

/// <summary>Counting and summing cases into a grid by two keys.</summary>
internal static class Grids
{
    public static long[,] Count<T>(IEnumerable<T> items, IReadOnlyList<string> rows, IReadOnlyList<string> columns,
        Func<T, string> row, Func<T, string> column)
    {
        var grid = new long[rows.Count, columns.Count];
        var rowIndex = Positions(rows);
        var columnIndex = Positions(columns);
        foreach (var item in items)
        {
            if (rowIndex.TryGetValue(row(item), out var r) && columnIndex.TryGetValue(column(item), out var c))
            {
                grid[r, c]++;
            }
        }
        return grid;
    }

    public static Dictionary<string, int> Positions(IReadOnlyList<string> labels) =>
        labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);

    public static decimal? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
