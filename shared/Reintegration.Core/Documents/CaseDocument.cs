namespace Reintegration.Core.Documents;

public enum DocumentType
{
    ConsentForm,
    IdentityDocument,
    Receipt,
    MonitoringAttachment,
    Other,
}

public enum DocumentStatus
{
    /// <summary>The upload URL was handed out; the file is not checked yet.</summary>
    AwaitingUpload,
    /// <summary>The file exists, fits the limit, is of an allowed type, and its hash is recorded.</summary>
    Accepted,
    /// <summary>The file failed a check and was deleted; the reason says which.</summary>
    Rejected,
    /// <summary>The file was deleted when the retention period passed or on an erasure request.</summary>
    Erased,
}

/// <summary>A file of a case: kept in Blob storage under a name the server made, described here.</summary>
public sealed record CaseDocument
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public required DocumentType Type { get; init; }
    /// <summary>The file name as the uploader gave it; shown, never used as a path.</summary>
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long DeclaredSize { get; init; }
    public required string BlobName { get; init; }
    public required string UploadedBy { get; init; }
    public required string UploaderOrganisationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DocumentStatus Status { get; init; } = DocumentStatus.AwaitingUpload;
    public long? Size { get; init; }
    public string? Sha256 { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? RejectionReason { get; init; }

    public static string BlobNameFor(string caseId, string documentId) => $"cases/{caseId}/{documentId}";
}
