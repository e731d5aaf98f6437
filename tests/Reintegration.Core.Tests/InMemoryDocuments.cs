using System.Text.Json;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Tests;

/// <summary>Document descriptions kept as JSON with versions, for unit tests.</summary>
internal sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly Dictionary<(string CaseId, string Id), (string Json, int Version)> _documents = [];

    public Task<Versioned<CaseDocument>?> FindAsync(string caseId, string documentId, CancellationToken cancellationToken) =>
        Task.FromResult(_documents.TryGetValue((caseId, documentId), out var stored)
            ? new Versioned<CaseDocument>(JsonSerializer.Deserialize<CaseDocument>(stored.Json, ProgrammeJson.Options)!, $"\"{stored.Version}\"")
            : null);

    public Task<Versioned<CaseDocument>?> TryCreateAsync(CaseDocument document, CancellationToken cancellationToken)
    {
        if (!_documents.TryAdd((document.CaseId, document.Id), (JsonSerializer.Serialize(document, ProgrammeJson.Options), 1)))
        {
            return Task.FromResult<Versioned<CaseDocument>?>(null);
        }
        return Task.FromResult<Versioned<CaseDocument>?>(new Versioned<CaseDocument>(document, "\"1\""));
    }

    public Task<Versioned<CaseDocument>> ReplaceAsync(CaseDocument document, string ifMatch, CancellationToken cancellationToken)
    {
        var stored = _documents[(document.CaseId, document.Id)];
        if ($"\"{stored.Version}\"" != ifMatch)
        {
            throw new StaleVersionException($"\"{stored.Version}\"");
        }
        _documents[(document.CaseId, document.Id)] = (JsonSerializer.Serialize(document, ProgrammeJson.Options), stored.Version + 1);
        return Task.FromResult(new Versioned<CaseDocument>(document, $"\"{stored.Version + 1}\""));
    }

    public Task<IReadOnlyList<CaseDocument>> ListAsync(string caseId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CaseDocument>>(_documents.Where(d => d.Key.CaseId == caseId)
            .Select(d => JsonSerializer.Deserialize<CaseDocument>(d.Value.Json, ProgrammeJson.Options)!).OrderBy(d => d.CreatedAt).ToList());

    public IReadOnlyDictionary<string, string> Snapshot() => _documents.ToDictionary(d => d.Key.Id, d => $"{d.Value.Version}:{d.Value.Json}");
}

/// <summary>Which blobs exist; a deletion can be made to fail once, as storage does during an outage.</summary>
internal sealed class InMemoryDocumentFiles : IDocumentFiles
{
    private readonly HashSet<string> _blobs = [];

    public string? FailOnceOn { get; set; }

    /// <summary>Blobs storage keeps under a retention lock: they cannot be deleted until removed from here.</summary>
    public HashSet<string> Locked { get; } = [];

    public IReadOnlyCollection<string> Blobs => _blobs;

    public void Add(string blobName) => _blobs.Add(blobName);

    public Task EraseAsync(CaseDocument document, CancellationToken cancellationToken)
    {
        if (FailOnceOn == document.BlobName)
        {
            FailOnceOn = null;
            throw new IOException("Blob storage is unreachable.");
        }
        if (Locked.Contains(document.BlobName))
        {
            throw new FileUnderRetentionLockException("Locked.");
        }
        _blobs.Remove(document.BlobName);
        return Task.CompletedTask;
    }

    public Task DeleteUploadAsync(string blobName, CancellationToken cancellationToken)
    {
        _blobs.Remove(blobName);
        return Task.CompletedTask;
    }

    public Task DeleteAcceptedAsync(string acceptedBlobName, CancellationToken cancellationToken) => DeleteUploadAsync(acceptedBlobName, cancellationToken);

    public Task KeepAsync(FileToKeep file, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Uri> UploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Uri> ReadUrlAsync(string acceptedBlobName, string contentType, string downloadName, DateTimeOffset expiresAt,
        CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<FileInspection?> InspectAsync(string blobName, long maxBytes, CancellationToken cancellationToken) => throw new NotSupportedException();
}
