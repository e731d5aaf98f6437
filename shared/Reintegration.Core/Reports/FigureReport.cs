namespace Reintegration.Core.Reports;

/// <summary>A report as published: figures only, small ones hidden (docs/reports.md).</summary>
public sealed record FigureReport
{
    public required string Report { get; init; }
    public required string Title { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required IReadOnlyList<ReportFilter> Filters { get; init; }
    /// <summary>Whose cases: "all cases", or the caller's organisation's own.</summary>
    public required string Scope { get; init; }
    /// <summary>When the projection last caught up with the cases: the figures are as of this time.</summary>
    public required DateTimeOffset ComputedAt { get; init; }
    public required string SmallCellsShownAs { get; init; }
    public required string ProtectingCellsShownAs { get; init; }
    public required IReadOnlyList<FigureTable> Tables { get; init; }
}

/// <summary>One table: a cell is a number, the small-cell or protecting marker, or null where nothing applies.</summary>
public sealed record FigureTable(string Name, string Title, string Unit, string RowHeading, IReadOnlyList<string> Columns,
    IReadOnlyList<FigureRow> Rows);

public sealed record FigureRow(string Label, IReadOnlyList<object?> Cells);
