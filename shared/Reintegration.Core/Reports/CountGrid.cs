namespace Reintegration.Core.Reports;

/// <summary>
/// A table of counts with its row totals, column totals and grand total, as a suppression problem. Entries are
/// numbered row by row; the row total follows each row, the column totals form the last row.
/// </summary>
public sealed class CountGrid
{
    public CountGrid(long[,] cells, bool rowTotals = true, bool columnTotals = true)
    {
        Cells = cells;
        RowTotals = rowTotals;
        ColumnTotals = columnTotals;
    }

    public long[,] Cells { get; }
    public bool RowTotals { get; }
    public bool ColumnTotals { get; }
    public int Rows => Cells.GetLength(0);
    public int Columns => Cells.GetLength(1);
    private int Width => Columns + (RowTotals ? 1 : 0);
    private int Height => Rows + (ColumnTotals ? 1 : 0);

    /// <summary>The entry of a cell; <paramref name="row"/> == Rows is the column totals, <paramref name="column"/> == Columns the row totals.</summary>
    public int Index(int row, int column) => row * Width + column;

    public long Value(int row, int column)
    {
        if (row < Rows && column < Columns)
        {
            return Cells[row, column];
        }
        if (row < Rows)
        {
            return Enumerable.Range(0, Columns).Sum(c => Cells[row, c]);
        }
        return column < Columns
            ? Enumerable.Range(0, Rows).Sum(r => Cells[r, column])
            : Enumerable.Range(0, Rows).Sum(r => Enumerable.Range(0, Columns).Sum(c => Cells[r, c]));
    }

    public SuppressionProblem Problem()
    {
        var values = new long[Height * Width];
        for (var r = 0; r < Height; r++)
        {
            for (var c = 0; c < Width; c++)
            {
                values[Index(r, c)] = Value(r, c);
            }
        }
        var equations = new List<SumEquation>();
        if (RowTotals)
        {
            for (var r = 0; r < Height; r++)
            {
                equations.Add(new SumEquation(Enumerable.Range(0, Columns).Select(c => Index(r, c)).ToList(), Index(r, Columns)));
            }
        }
        if (ColumnTotals)
        {
            for (var c = 0; c < Width; c++)
            {
                equations.Add(new SumEquation(Enumerable.Range(0, Rows).Select(r => Index(r, c)).ToList(), Index(Rows, c)));
            }
        }
        return new SuppressionProblem(values, equations);
    }

    /// <summary>The marks of every entry, laid out as the grid with its totals.</summary>
    public CellMark[,] Suppress(int threshold)
    {
        var flat = SmallCellSuppression.Apply(Problem(), threshold);
        var marks = new CellMark[Height, Width];
        for (var r = 0; r < Height; r++)
        {
            for (var c = 0; c < Width; c++)
            {
                marks[r, c] = flat[Index(r, c)];
            }
        }
        return marks;
    }
}
