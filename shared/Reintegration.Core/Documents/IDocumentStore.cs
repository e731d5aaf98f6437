using Reintegration.Core.Storage;

namespace Reintegration.Core.Documents;

/// <summary>Descriptions of case documents (partitioned by case).</summary>
public interface IDocumentStore
{
    Task<Versioned<CaseDocument>?> FindAsync(string caseId, string documentId, CancellationToken cancellationToken);

    /// <summary>Creates the description; answers null when one with its id exists.</summary>
    Task<Versioned<CaseDocument>?> TryCreateAsync(CaseDocument document, CancellationToken cancellationToken);

    Task<Versioned<CaseDocument>> ReplaceAsync(CaseDocument document, string ifMatch, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseDocument>> ListAsync(string caseId, CancellationToken cancellationToken);
}

/// <summary>The files themselves: short-lived URLs for one blob each, and the server's own checks.</summary>
public interface IDocumentFiles
{
    /// <summary>A URL that may create or overwrite this one blob, and nothing else, until <paramref name="expiresAt"/>.</summary>
    Task<Uri> UploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>A URL that may read this one blob until <paramref name="expiresAt"/>, offered as a download under the file name.</summary>
    Task<Uri> ReadUrlAsync(string blobName, string fileName, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Size, leading bytes and SHA-256 of the blob; null when it was never uploaded.</summary>
    Task<FileInspection?> InspectAsync(string blobName, long maxBytes, CancellationToken cancellationToken);

    Task DeleteAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Deletes every blob of the document, wherever it was kept; nothing when they are gone already.</summary>
    Task EraseAsync(CaseDocument document, CancellationToken cancellationToken);
}

/// <param name="Sha256">Null when the file is larger than the limit (it is not read to the end).</param>
public sealed record FileInspection(long Size, byte[] Header, string? Sha256);
