using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Imports;

/// <summary>Where imports and their progress are kept. Writes are conditional on the version read.</summary>
public interface IImportStore
{
    Task<Versioned<ImportJob>> CreateAsync(ImportJob job, CancellationToken cancellationToken);
    Task<Versioned<ImportJob>?> FindAsync(ImportId importId, CancellationToken cancellationToken);
    /// <summary>Replaces the job if it is still at <paramref name="ifMatch"/>; otherwise throws StaleVersionException.</summary>
    Task<Versioned<ImportJob>> ReplaceAsync(ImportJob job, string ifMatch, CancellationToken cancellationToken);
}

/// <summary>The uploaded import files (Blob storage).</summary>
public interface IImportFiles
{
    /// <summary>Stores the file; answers its length, or throws when it is longer than <paramref name="maxBytes"/>.</summary>
    Task<long> SaveAsync(ImportId importId, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The file from the given byte on.</summary>
    Task<Stream> OpenAsync(ImportId importId, long fromByte, CancellationToken cancellationToken);

    /// <summary>Deletes the file, if it is still there: it holds personal data of every row, and is not needed once read.</summary>
    Task DeleteAsync(ImportId importId, CancellationToken cancellationToken);
}

/// <summary>The import's batches: one message per batch, naming the import only.</summary>
public interface IImportQueue
{
    public const string Name = "case-import";

    Task EnqueueAsync(ImportId importId, CancellationToken cancellationToken);
}
