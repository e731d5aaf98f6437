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

/// <summary>
/// The files themselves, in two places: uploads (each created once through a client's URL, checked, then
/// deleted) and accepted copies (written only by the server, never named by an upload URL, read through
/// short-lived read URLs).
/// </summary>
public interface IDocumentFiles
{
    /// <summary>A URL that may create this one upload blob, and nothing else, until <paramref name="expiresAt"/>; never overwrite it.</summary>
    Task<Uri> UploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Size, leading bytes, SHA-256 and version of the upload; null when it was never uploaded.</summary>
    Task<FileInspection?> InspectAsync(string blobName, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Copies the upload, as it was when inspected, to its accepted place, with its SHA-256 kept beside it, and
    /// checks that the copy hashes to it. An accepted copy already there with that hash (a completion running at
    /// the same time) counts as kept. Throws <see cref="UploadChangedException"/> when the upload is no longer the
    /// inspected one or another file was accepted under the name.
    /// </summary>
    Task KeepAsync(FileToKeep file, CancellationToken cancellationToken);

    Task DeleteUploadAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>
    /// A URL that may read this one accepted file until <paramref name="expiresAt"/>, served as
    /// <paramref name="contentType"/> whatever the blob says, as a download named <paramref name="downloadName"/>.
    /// </summary>
    Task<Uri> ReadUrlAsync(string acceptedBlobName, string contentType, string downloadName, DateTimeOffset expiresAt,
        CancellationToken cancellationToken);

    /// <summary>Erases an accepted file; where storage keeps it unchangeable, only once its retention has passed.</summary>
    Task DeleteAcceptedAsync(string acceptedBlobName, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every blob of the document, wherever it was kept; nothing when they are gone already. Throws
    /// <see cref="FileUnderRetentionLockException"/> while storage keeps the accepted file unchangeable.
    /// </summary>
    Task EraseAsync(CaseDocument document, CancellationToken cancellationToken);
}

/// <param name="Sha256">Null when the file is larger than the limit (it is not read to the end).</param>
/// <param name="Version">The upload's version (ETag) that was read: the copy is made of exactly this one.</param>
public sealed record FileInspection(long Size, byte[] Header, string? Sha256, string Version);

public sealed record FileToKeep(string UploadBlobName, string UploadVersion, string AcceptedBlobName, string Sha256);

/// <summary>The upload is no longer the one that was checked (or is gone), or another file was accepted under the name.</summary>
public sealed class UploadChangedException(string message) : Exception(message);

/// <summary>
/// Storage keeps an accepted file unchangeable until its retention policy passes (docs/decisions/0012): it cannot be
/// deleted yet. Erasure anonymises the case at once and deletes the file on a later run (docs/decisions/0014).
/// </summary>
public sealed class FileUnderRetentionLockException(string message) : Exception(message);
