namespace Reintegration.Core.Imports;

public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest import file taken in a request body (default 32 MB: some 20,000 rows).</summary>
    public long MaxFileBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Rows per queue message: a crash costs at most one batch, done again without creating anything twice.</summary>
    public int BatchSize { get; set; } = 250;

    /// <summary>Rows of a batch written at the same time.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>The import's record keeps this many row errors; the count of refused rows is always complete.</summary>
    public int MaxRecordedErrors { get; set; } = 1000;

    /// <summary>The longest line taken; a longer one is refused as a row, without reading it whole.</summary>
    public int MaxRowBytes { get; set; } = 256 * 1024;
}
