namespace Reintegration.Core.Imports;

public enum ImportStatus
{
    /// <summary>The file is stored; the first batch waits in the queue.</summary>
    Queued,
    /// <summary>At least one batch is done; more follow.</summary>
    Running,
    /// <summary>Every row was read: imported, found imported already, or reported.</summary>
    Completed,
}

/// <summary>
/// An import of carried-over cases and its progress. The progress is the checkpoint a batch resumes from after a
/// crash: the rows and bytes read, and what came of them. It holds no personal data: row numbers, fields and rules.
/// </summary>
public sealed record ImportJob
{
    public required string Id { get; init; }
    public required ImportStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public required string ImportedById { get; init; }
    public required string ImportedByOrganisationId { get; init; }
    public required long FileBytes { get; init; }
    /// <summary>Where the next batch starts reading: the byte after the last row done.</summary>
    public long BytesRead { get; init; }
    /// <summary>Lines read so far (blank lines count, so row numbers are the file's line numbers).</summary>
    public int RowsRead { get; init; }
    /// <summary>Cases this import created.</summary>
    public int Imported { get; init; }
    /// <summary>Rows whose case an earlier import had created already, with the same content: nothing changed.</summary>
    public int AlreadyImported { get; init; }
    /// <summary>Rows refused, all of them; <see cref="Errors"/> keeps the first <see cref="ImportOptions.MaxRecordedErrors"/> errors.</summary>
    public int RowsRefused { get; init; }
    public IReadOnlyList<ImportRowError> Errors { get; init; } = [];
}

/// <summary>What is wrong with a row: its line number, the field (a JSON path in the row) and the rule it broke.</summary>
public sealed record ImportRowError(int Row, string Field, string Rule, string Message);
