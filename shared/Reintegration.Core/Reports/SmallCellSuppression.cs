namespace Reintegration.Core.Reports;

/// <summary>
/// Primary and complementary suppression (docs/reports.md). Every count from 1 to threshold - 1 is hidden as small;
/// then, while the published figures still pin a hidden entry to one value, one more entry of an equation that holds
/// it is hidden: the smallest non-zero shown member, or the equation's total when no member is left.
/// </summary>
public static class SmallCellSuppression
{
    public static CellMark[] Apply(SuppressionProblem problem, int threshold)
    {
        var values = problem.Values;
        var marks = values.Select(v => v >= 1 && v < threshold ? CellMark.Small : CellMark.Shown).ToArray();
        // Each round hides one more entry, so there are at most as many rounds as entries.
        for (var round = 0; round <= values.Count; round++)
        {
            var bounds = DisclosureBounds.Of(problem, marks, threshold);
            var pinned = Enumerable.Range(0, values.Count).FirstOrDefault(i => marks[i] != CellMark.Shown && bounds[i].Pinned, -1);
            if (pinned < 0 || !HideOneMore(problem, marks, pinned))
            {
                return marks;
            }
        }
        return marks;
    }

    private static bool HideOneMore(SuppressionProblem problem, CellMark[] marks, int pinned)
    {
        var holding = problem.Equations.Where(e => e.Total == pinned || e.Members.Contains(pinned))
            .OrderBy(e => marks[e.Total] == CellMark.Shown ? 0 : 1).ToList();
        foreach (var equation in holding)
        {
            var candidate = equation.Members
                .Where(m => marks[m] == CellMark.Shown && problem.Values[m] > 0)
                .OrderBy(m => problem.Values[m]).ThenBy(m => m)
                .Select(m => (int?)m).FirstOrDefault();
            if (candidate is { } member)
            {
                marks[member] = CellMark.Protecting;
                return true;
            }
        }
        foreach (var equation in holding.Where(e => marks[e.Total] == CellMark.Shown))
        {
            marks[equation.Total] = CellMark.Protecting;
            return true;
        }
        return false;
    }
}
