namespace Reintegration.Core.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Counts from 1 to this less one are shown as "&lt;threshold"; the programme publishes with 5.</summary>
    public int SmallCellThreshold { get; set; } = 5;

    public bool Valid => SmallCellThreshold is >= 2 and <= 100;
}
