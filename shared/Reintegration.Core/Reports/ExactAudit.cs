namespace Reintegration.Core.Reports;

/// <summary>
/// What bounds propagation can miss: a hidden entry that only one assignment of all hidden entries fits, found by
/// searching (branch on the narrowest entry, narrow, repeat). The search stops after a budget of steps; a table too
/// large to search within it keeps what propagation found (docs/reports.md).
/// </summary>
internal static class ExactAudit
{
    private const int Budget = 20_000;

    /// <summary>A hidden entry that can take no other value than its true one, or null.</summary>
    public static int? FirstRecoverable(SuppressionProblem problem, IReadOnlyList<CellMark> marks, int threshold)
    {
        var steps = 0;
        var upper = problem.Values.Sum() * 2 + threshold * 2L;
        var domains = problem.Values.Select((v, i) => marks[i] switch
        {
            CellMark.Shown => (Low: v, High: v),
            CellMark.Small => (Low: 1L, High: threshold - 1L),
            _ => (Low: 1L, High: upper),
        }).ToArray();
        for (var entry = 0; entry < domains.Length; entry++)
        {
            if (marks[entry] == CellMark.Shown)
            {
                continue;
            }
            var truth = problem.Values[entry];
            var below = domains[entry].Low <= truth - 1 ? Feasible(problem, With(domains, entry, domains[entry].Low, truth - 1), ref steps) : false;
            var above = !below && truth + 1 <= domains[entry].High ? Feasible(problem, With(domains, entry, truth + 1, domains[entry].High), ref steps) : false;
            if (steps > Budget)
            {
                return null;
            }
            if (!below && !above)
            {
                return entry;
            }
        }
        return null;
    }

    private static (long Low, long High)[] With((long Low, long High)[] domains, int entry, long low, long high)
    {
        var copy = ((long Low, long High)[])domains.Clone();
        copy[entry] = (low, high);
        return copy;
    }

    private static bool Feasible(SuppressionProblem problem, (long Low, long High)[] domains, ref int steps)
    {
        if (++steps > Budget || !Narrow(problem, domains))
        {
            // Out of budget counts as feasible: the search gives up without claiming a disclosure.
            return steps > Budget;
        }
        var open = Enumerable.Range(0, domains.Length).Where(i => domains[i].Low < domains[i].High)
            .OrderBy(i => domains[i].High - domains[i].Low).FirstOrDefault(-1);
        if (open < 0)
        {
            return problem.Equations.All(e => e.Members.Sum(m => domains[m].Low) == domains[e.Total].Low);
        }
        var (low, high) = domains[open];
        for (var value = low; value <= high && steps <= Budget; value++)
        {
            if (Feasible(problem, With(domains, open, value, value), ref steps))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Narrow(SuppressionProblem problem, (long Low, long High)[] d)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var e in problem.Equations)
            {
                var membersLow = e.Members.Sum(m => d[m].Low);
                var membersHigh = e.Members.Sum(m => d[m].High);
                var total = (Math.Max(d[e.Total].Low, membersLow), Math.Min(d[e.Total].High, membersHigh));
                if (total.Item1 > total.Item2)
                {
                    return false;
                }
                changed |= total != d[e.Total];
                d[e.Total] = total;
                foreach (var m in e.Members)
                {
                    var othersLow = membersLow - d[m].Low;
                    var othersHigh = membersHigh - d[m].High;
                    var narrowed = (Math.Max(d[m].Low, d[e.Total].Low - othersHigh), Math.Min(d[m].High, d[e.Total].High - othersLow));
                    if (narrowed.Item1 > narrowed.Item2)
                    {
                        return false;
                    }
                    if (narrowed != d[m])
                    {
                        membersLow += narrowed.Item1 - d[m].Low;
                        membersHigh += narrowed.Item2 - d[m].High;
                        d[m] = narrowed;
                        changed = true;
                    }
                }
            }
        }
        return true;
    }
}
