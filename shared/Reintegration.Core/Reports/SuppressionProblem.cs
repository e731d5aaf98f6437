namespace Reintegration.Core.Reports;

/// <summary>
/// Counts and the sums that are published with them: each equation says its members add up to its total. A table with
/// row and column totals is one equation per row, per column, and one each for the row totals and the column totals.
/// </summary>
public sealed record SuppressionProblem(IReadOnlyList<long> Values, IReadOnlyList<SumEquation> Equations);

/// <summary>The entries at <paramref name="Members"/> add up to the entry at <paramref name="Total"/>.</summary>
public sealed record SumEquation(IReadOnlyList<int> Members, int Total);
