namespace Reintegration.Core.Reports;

/// <summary>
/// Primary and complementary suppression (docs/reports.md). Every count from 1 to threshold - 1 is hidden as small;
/// then, while the published figures still pin a hidden entry to one value, one more entry of an equation that holds
/// it is hidden: the smallest non-zero shown member, or the equation's total when no member is left. When every entry
/// that could be hidden is hidden and the small ones still pin each other (four "&lt;5" in a row whose total is "&lt;5":
/// each must be 1), a small entry of such an equation is published as "x" instead, its total first.
/// </summary>
public static class SmallCellSuppression
{
    public static CellMark[] Apply(SuppressionProblem problem, int threshold)
    {
        var values = problem.Values;
        var marks = values.Select(v => v >= 1 && v < threshold ? CellMark.Small : CellMark.Shown).ToArray();
        // Each round changes one mark (shown to protecting, or small to protecting), so at most twice as many rounds as entries.
        for (var round = 0; round <= 2 * values.Count; round++)
        {
            var bounds = DisclosureBounds.Of(problem, marks, threshold);
            var pinned = Enumerable.Range(0, values.Count).Where(i => marks[i] != CellMark.Shown && bounds[i].Pinned).ToHashSet();
            // Propagation misses pins that only whole numbers and several equations together make: search for them too.
            if (pinned.Count == 0 && ExactAudit.FirstRecoverable(problem, marks, threshold) is { } recoverable)
            {
                pinned.Add(recoverable);
            }
            if (pinned.Count == 0)
            {
                return marks;
            }
            if ((NextToHide(problem, marks, pinned) ?? SmallToWiden(problem, marks, pinned)) is not { } next)
            {
                return marks;
            }
            marks[next] = CellMark.Protecting;
        }
        return marks;
    }

    /// <summary>
    /// A small entry of an equation holding a pinned entry, to publish as "x" (at least 1) rather than "&lt;5" (at most
    /// threshold - 1): the equation's total first, as its upper bound is what caps the members; else its largest member.
    /// </summary>
    private static int? SmallToWiden(SuppressionProblem problem, CellMark[] marks, HashSet<int> pinned)
    {
        var holding = problem.Equations.Where(e => pinned.Contains(e.Total) || e.Members.Any(pinned.Contains)).ToList();
        return holding.Select(e => e.Total).Where(t => marks[t] == CellMark.Small).Select(t => (int?)t).FirstOrDefault()
            ?? holding.SelectMany(e => e.Members).Where(m => marks[m] == CellMark.Small)
                .OrderByDescending(m => problem.Values[m]).ThenBy(m => m).Select(m => (int?)m).FirstOrDefault();
    }

    /// <summary>
    /// The shown entry to hide next: the smallest non-zero member of an equation holding a pinned entry (equations whose
    /// total is shown first, as those are what pin it); else such an equation's total; else the smallest non-zero
    /// entry of any equation with something hidden in it, as a pin can come from further away.
    /// </summary>
    private static int? NextToHide(SuppressionProblem problem, CellMark[] marks, HashSet<int> pinned)
    {
        var values = problem.Values;
        bool Shown(int i) => marks[i] == CellMark.Shown && values[i] > 0;
        int? Smallest(IEnumerable<int> entries) =>
            entries.Where(Shown).OrderBy(i => values[i]).ThenBy(i => i).Select(i => (int?)i).FirstOrDefault();

        var holding = problem.Equations.Where(e => pinned.Contains(e.Total) || e.Members.Any(pinned.Contains)).ToList();
        return Smallest(holding.Where(e => marks[e.Total] == CellMark.Shown).SelectMany(e => e.Members))
            ?? Smallest(holding.SelectMany(e => e.Members))
            ?? Smallest(holding.Select(e => e.Total))
            ?? Smallest(problem.Equations.Where(e => marks[e.Total] != CellMark.Shown || e.Members.Any(m => marks[m] != CellMark.Shown))
                .SelectMany(e => e.Members.Append(e.Total)));
    }
}
