using Reintegration.Core.Reports;

namespace Reintegration.Reports.Tests.Suppression;

/// <summary>
/// A reader who tries to recover hidden counts: knows every shown figure, that each equation holds, that a small count
/// is from 1 to threshold - 1 and a protecting one ("x") at least 1; searches for every value a hidden entry
/// could take. Independent of the propagation the suppression uses: it branches until every entry is fixed.
/// Like ExactAudit in Core it searches by branch and narrow, on purpose written apart from it and without its step
/// budget: a test that shared the audit's code would share its mistakes, and this reader never gives up.
/// </summary>
internal static class Reader
{
    /// <summary>Whether some assignment consistent with everything published gives <paramref name="entry"/> another value than its true one.</summary>
    public static bool CanBeOtherThanTrue(SuppressionProblem problem, IReadOnlyList<CellMark> marks, int threshold, int entry)
    {
        var upper = problem.Values.Sum() * 2 + threshold * 2;
        var domains = problem.Values.Select((v, i) => marks[i] switch
        {
            CellMark.Shown => (Low: v, High: v),
            CellMark.Small => (Low: 1L, High: threshold - 1L),
            _ => (Low: 1L, High: upper),
        }).ToArray();
        var truth = problem.Values[entry];
        // Try below and above the true value.
        return (domains[entry].Low <= truth - 1 && Feasible(problem, With(domains, entry, domains[entry].Low, truth - 1)))
            || (truth + 1 <= domains[entry].High && Feasible(problem, With(domains, entry, truth + 1, domains[entry].High)));
    }

    private static (long Low, long High)[] With((long Low, long High)[] domains, int entry, long low, long high)
    {
        var copy = ((long Low, long High)[])domains.Clone();
        copy[entry] = (low, high);
        return copy;
    }

    private static bool Feasible(SuppressionProblem problem, (long Low, long High)[] domains)
    {
        if (!Narrow(problem, domains))
        {
            return false;
        }
        var open = Enumerable.Range(0, domains.Length).Where(i => domains[i].Low < domains[i].High)
            .OrderBy(i => domains[i].High - domains[i].Low).FirstOrDefault(-1);
        if (open < 0)
        {
            return problem.Equations.All(e => e.Members.Sum(m => domains[m].Low) == domains[e.Total].Low);
        }
        var (low, high) = domains[open];
        for (var value = low; value <= high; value++)
        {
            if (Feasible(problem, With(domains, open, value, value)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Sound narrowing (only removes impossible values), to keep the search small; false when empty.</summary>
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
