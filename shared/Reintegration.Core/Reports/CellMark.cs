namespace Reintegration.Core.Reports;

/// <summary>How one figure is published (docs/reports.md).</summary>
public enum CellMark
{
    Shown,
    /// <summary>A count from 1 to the threshold less one, or a figure about so few cases: shown as "&lt;5".</summary>
    Small,
    /// <summary>Hidden so that a small cell cannot be worked out from the totals: shown as "x".</summary>
    Protecting,
}
