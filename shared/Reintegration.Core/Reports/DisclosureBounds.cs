namespace Reintegration.Core.Reports;

/// <summary>The interval a reader can narrow a hidden entry down to.</summary>
public readonly record struct Interval(long Low, long High)
{
    public bool Pinned => Low >= High;
}

/// <summary>
/// What a reader can work out about the hidden entries from everything published: small entries lie from 1 to
/// threshold - 1, protecting ones at least 1 (never zero), and
/// every equation holds. Intervals are tightened equation by equation until nothing changes (bounds propagation): an
/// entry whose interval shrinks to one value can be recovered.
/// </summary>
public static class DisclosureBounds
{
    /// <summary>Larger than any count or amount in cents the programme publishes; sums of it stay within a long.</summary>
    public const long Unbounded = 1L << 50;

    public static Interval[] Of(SuppressionProblem problem, IReadOnlyList<CellMark> marks, int threshold)
    {
        var values = problem.Values;
        var bounds = new Interval[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            bounds[i] = marks[i] switch
            {
                CellMark.Shown => new Interval(values[i], values[i]),
                CellMark.Small => new Interval(1, threshold - 1),
                // Only non-zero counts are chosen to protect, small ones too when nothing else is left (SmallCellSuppression),
                // so a reader knows no more of an "x" than that it is at least 1.
                _ => new Interval(1, Unbounded),
            };
        }
        for (var pass = 0; pass < 4 * (values.Count + 1); pass++)
        {
            var changed = false;
            foreach (var equation in problem.Equations)
            {
                changed |= Tighten(equation, marks, bounds);
            }
            if (!changed)
            {
                break;
            }
        }
        return bounds;
    }

    /// <summary>members - total = 0: each hidden entry lies within what the others leave over.</summary>
    private static bool Tighten(SumEquation equation, IReadOnlyList<CellMark> marks, Interval[] bounds)
    {
        var terms = equation.Members.Select(m => (Index: m, Sign: 1)).Append((Index: equation.Total, Sign: -1)).ToList();
        if (terms.All(t => marks[t.Index] == CellMark.Shown))
        {
            return false;
        }
        var changed = false;
        foreach (var (index, sign) in terms.Where(t => marks[t.Index] != CellMark.Shown))
        {
            long othersLow = 0, othersHigh = 0;
            foreach (var (other, otherSign) in terms.Where(t => t.Index != index || t.Sign != sign))
            {
                othersLow += otherSign > 0 ? bounds[other].Low : -bounds[other].High;
                othersHigh += otherSign > 0 ? bounds[other].High : -bounds[other].Low;
            }
            // sign * x + others = 0
            var (low, high) = sign > 0 ? (-othersHigh, -othersLow) : (othersLow, othersHigh);
            var current = bounds[index];
            var tightened = new Interval(Math.Max(current.Low, low), Math.Min(current.High, high));
            if (tightened != current && tightened.Low <= tightened.High)
            {
                bounds[index] = tightened;
                changed = true;
            }
        }
        return changed;
    }
}
