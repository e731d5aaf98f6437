using CsCheck;
using Reintegration.Core.Reports;

namespace Reintegration.Reports.Tests.Suppression;

/// <summary>The rule of docs/reports.md against tables built to break it, and against many random ones.</summary>
public sealed class SuppressionTests
{
    private const int Threshold = 5;

    private static void AssertSafe(CountGrid grid, int threshold = Threshold)
    {
        var problem = grid.Problem();
        var marks = SmallCellSuppression.Apply(problem, threshold);
        for (var i = 0; i < problem.Values.Count; i++)
        {
            var value = problem.Values[i];
            // Every small count is hidden (as "<5", or as "x" when the small ones pin each other), nothing else is
            // hidden as small, and no zero is hidden.
            Assert.True(value < 1 || value >= threshold || marks[i] != CellMark.Shown, $"Small entry {i} ({value}) is shown.");
            Assert.True(marks[i] != CellMark.Small || value >= 1 && value < threshold, $"Entry {i} ({value}) is marked small.");
            Assert.True(marks[i] != CellMark.Protecting || value >= 1, $"Entry {i} is zero and hidden.");
            if (marks[i] != CellMark.Shown)
            {
                Assert.True(Reader.CanBeOtherThanTrue(problem, marks, threshold, i),
                    $"Hidden entry {i} (true value {value}) can be recovered from the published figures: {Describe(problem, marks)}");
            }
        }
    }

    private static string Describe(SuppressionProblem problem, CellMark[] marks) =>
        string.Join(" ", problem.Values.Select((v, i) => marks[i] == CellMark.Shown ? v.ToString() : $"[{v}]"));

    [Fact]
    public void One_small_cell_in_a_row_hides_a_second_so_the_row_total_does_not_give_it_away()
    {
        var grid = new CountGrid(new long[,] { { 4, 12, 30 }, { 9, 15, 20 } });
        var marks = grid.Suppress(Threshold);
        Assert.Equal(CellMark.Small, marks[0, 0]);
        Assert.True(Enumerable.Range(1, 2).Count(c => marks[0, c] != CellMark.Shown) >= 1, "Row 0 has a second hidden cell.");
        Assert.True(Enumerable.Range(1, 1).Count(r => marks[r, 0] != CellMark.Shown) >= 1, "Column 0 has a second hidden cell.");
        AssertSafe(grid);
    }

    [Fact]
    public void Four_cases_of_one_country_and_target_group_stay_hidden_whatever_totals_are_shown()
    {
        // The country has no other cases in that group's column but the small one, and one other group.
        AssertSafe(new CountGrid(new long[,] { { 4, 6 }, { 7, 9 }, { 0, 11 } }));
    }

    [Fact]
    public void A_row_of_one_small_cell_and_zeros_hides_its_total()
    {
        var grid = new CountGrid(new long[,] { { 3, 0, 0 }, { 8, 9, 10 } });
        var marks = grid.Suppress(Threshold);
        Assert.Equal(CellMark.Small, marks[0, 0]);
        Assert.NotEqual(CellMark.Shown, marks[0, 3]);
        AssertSafe(grid);
    }

    [Fact]
    public void Two_small_cells_that_add_up_to_their_extremes_are_protected_further()
    {
        // 1 + 1 = 2 pins both to 1; 4 + 4 = 8 pins both to 4.
        AssertSafe(new CountGrid(new long[,] { { 1, 1, 20 }, { 10, 12, 14 } }));
        AssertSafe(new CountGrid(new long[,] { { 4, 4, 20 }, { 10, 12, 14 } }));
    }

    [Fact]
    public void A_protecting_cell_just_above_the_threshold_does_not_let_the_reader_bound_the_small_one()
    {
        // Knowing the protecting cell is at least 5, 1 + 5 = 6 pins the small cell to 1 unless more is hidden.
        AssertSafe(new CountGrid(new long[,] { { 1, 5, 30 }, { 6, 8, 7 }, { 9, 10, 11 } }));
    }

    [Fact]
    public void Four_small_cells_whose_small_total_makes_each_of_them_one_are_not_all_shown_as_small()
    {
        // Four "<5" (each at least 1) adding up to a "<5" total (at most 4) can only be four ones: one person in each
        // target group. Found by the random tables below (seed 7ZHZkM92qnY2 at 60,000 iterations).
        var grid = new CountGrid(new long[,] { { 1, 1, 1, 1 }, { 4, 3, 22, 0 } });
        var marks = grid.Suppress(Threshold);
        Assert.Equal(CellMark.Protecting, marks[0, 4]);
        AssertSafe(grid);
    }

    [Fact]
    public void A_small_total_is_hidden_with_its_members()
    {
        AssertSafe(new CountGrid(new long[,] { { 1, 2 }, { 0, 1 }, { 7, 8 } }));
    }

    [Fact]
    public void Rows_without_column_totals_are_protected_by_their_row_totals_only()
    {
        AssertSafe(new CountGrid(new long[,] { { 2, 9, 0 }, { 20, 1, 1 } }, rowTotals: true, columnTotals: false));
    }

    [Fact]
    public void The_threshold_is_configurable()
    {
        var grid = new CountGrid(new long[,] { { 9, 12, 30 }, { 10, 15, 20 } });
        Assert.Equal(CellMark.Shown, grid.Suppress(5)[0, 0]);
        Assert.Equal(CellMark.Small, grid.Suppress(10)[0, 0]);
        AssertSafe(grid, threshold: 10);
    }

    /// <summary>Mostly small counts and zeros: the tables that are hardest to protect.</summary>
    private static readonly Gen<long> Count = Gen.Frequency((4, Gen.Long[0, 4]), (2, Gen.Long[5, 9]), (1, Gen.Long[10, 30]));

    private static readonly Gen<(long[,] Cells, bool RowTotals, bool ColumnTotals)> Tables =
        from rows in Gen.Int[1, 4]
        from columns in Gen.Int[1, 4]
        from values in Count.Array[rows * columns]
        from rowTotals in Gen.Bool
        from columnTotals in Gen.Bool
        select (Grid(values, rows, columns), rowTotals, columnTotals);

    private static long[,] Grid(long[] values, int rows, int columns)
    {
        var grid = new long[rows, columns];
        for (var i = 0; i < values.Length; i++)
        {
            grid[i / columns, i % columns] = values[i];
        }
        return grid;
    }

    [Fact]
    public void No_hidden_count_of_any_table_can_be_recovered_from_what_is_published() =>
        Tables.Sample(t => AssertSafe(new CountGrid(t.Cells, t.RowTotals, t.ColumnTotals)), iter: 20000);
}
