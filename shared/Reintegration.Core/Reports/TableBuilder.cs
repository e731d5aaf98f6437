namespace Reintegration.Core.Reports;

/// <summary>Builds published tables: counts with their totals, suppressed; amounts hidden where their counts are.</summary>
public sealed class TableBuilder(int threshold)
{
    public const string Total = "Total";
    public const string ProtectingMarker = "x";

    public int Threshold => threshold;

    public string SmallMarker => $"<{threshold}";

    /// <summary>A table of counts with a total column (when <paramref name="rowTotals"/>) and a total row (when <paramref name="columnTotals"/>).</summary>
    public FigureTable Counts(string name, string title, string rowHeading, IReadOnlyList<string> rows, IReadOnlyList<string> columns,
        long[,] counts, bool rowTotals = true, bool columnTotals = true)
    {
        var grid = new CountGrid(counts, rowTotals, columnTotals);
        var marks = grid.Suppress(threshold);
        return Lay(name, title, "cases", rowHeading, rows, columns, grid, marks, (r, c) => grid.Value(r, c));
    }

    /// <summary>
    /// Amounts (EUR) of the cases counted in <paramref name="contributors"/>: an amount is hidden wherever the count of cases
    /// it adds up is hidden, so an amount of one or two people is never shown and no total gives it away.
    /// </summary>
    public FigureTable Amounts(string name, string title, string rowHeading, IReadOnlyList<string> rows, IReadOnlyList<string> columns,
        long[,] contributors, decimal[,] amounts)
    {
        var grid = new CountGrid(contributors);
        var marks = grid.Suppress(threshold);
        decimal Amount(int r, int c) =>
            r < grid.Rows && c < grid.Columns ? amounts[r, c]
            : r < grid.Rows ? Enumerable.Range(0, grid.Columns).Sum(j => amounts[r, j])
            : c < grid.Columns ? Enumerable.Range(0, grid.Rows).Sum(i => amounts[i, c])
            : Enumerable.Range(0, grid.Rows).Sum(i => Enumerable.Range(0, grid.Columns).Sum(j => amounts[i, j]));
        return Lay(name, title, "EUR", rowHeading, rows, columns, grid, marks, (r, c) => Amount(r, c));
    }

    public object? Mark(CellMark mark, object? value) => mark switch
    {
        CellMark.Small => SmallMarker,
        CellMark.Protecting => ProtectingMarker,
        _ => value,
    };

    private FigureTable Lay<T>(string name, string title, string unit, string rowHeading, IReadOnlyList<string> rows,
        IReadOnlyList<string> columns, CountGrid grid, CellMark[,] marks, Func<int, int, T> value)
    {
        var width = grid.Columns + (grid.RowTotals ? 1 : 0);
        var height = grid.Rows + (grid.ColumnTotals ? 1 : 0);
        var published = new List<FigureRow>();
        for (var r = 0; r < height; r++)
        {
            var cells = new List<object?>();
            for (var c = 0; c < width; c++)
            {
                cells.Add(Mark(marks[r, c], value(r, c)));
            }
            published.Add(new FigureRow(r < grid.Rows ? rows[r] : Total, cells));
        }
        return new FigureTable(name, title, unit, rowHeading, grid.RowTotals ? [.. columns, Total] : columns, published);
    }
}
