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

/// <summary>
/// A file of a case, described here. It arrives in an upload blob a client URL may create once; once
/// checked, the server copies it to an accepted blob no client URL names, and only that copy is read.
/// </summary>
public sealed record CaseDocument
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    public required DocumentType Type { get; init; }
    /// <summary>The file name as the uploader gave it; shown, never used as a path nor put into a URL (see <see cref="DownloadNames"/>).</summary>
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long DeclaredSize { get; init; }
    /// <summary>The upload blob: what the client's upload URL creates. Deleted once the file is accepted or rejected.</summary>
    public required string BlobName { get; init; }
    public required string UploadedBy { get; init; }
    public required string UploaderOrganisationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DocumentStatus Status { get; init; } = DocumentStatus.AwaitingUpload;
    public long? Size { get; init; }
    public string? Sha256 { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? RejectionReason { get; init; }
    /// <summary>The accepted copy, recorded when the file is accepted; the only blob read URLs point at.</summary>
    public string? AcceptedBlobName { get; init; }
    /// <summary>Whether the case's partner may see it (see <see cref="DocumentSharing"/>).</summary>
    public bool SharedWithPartner { get; init; }

    public static string BlobNameFor(string caseId, string documentId) => $"cases/{caseId}/{documentId}";

    /// <summary>The same name in the accepted place (its own container): one accepted copy per document.</summary>
    public static string AcceptedBlobNameFor(string caseId, string documentId) => $"cases/{caseId}/{documentId}";
}
