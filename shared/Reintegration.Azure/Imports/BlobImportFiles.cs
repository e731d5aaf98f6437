using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Imports;

namespace Reintegration.Azure.Imports;

/// <summary>Import files in a private container of their own, one blob per import, written once.</summary>
public sealed class BlobImportFiles(BlobServiceClient service) : IImportFiles
{
    public const string ContainerName = "case-imports";

    private readonly BlobContainerClient container = service.GetBlobContainerClient(ContainerName);
    private volatile bool containerExists;

    public async Task<long> SaveAsync(ImportId importId, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (!containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerExists = true;
        }
        var blob = container.GetBlobClient(BlobName(importId));
        var limited = new LimitedStream(content, maxBytes);
        try
        {
            await blob.UploadAsync(limited, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } },
                cancellationToken);
        }
        catch (FileTooLargeException)
        {
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw RequestValidationException.ForField("body", $"The file is larger than {maxBytes} bytes: split it into several imports.");
        }
        return limited.BytesRead;
    }

    public async Task<Stream> OpenAsync(ImportId importId, long fromByte, CancellationToken cancellationToken) =>
        await container.GetBlobClient(BlobName(importId)).OpenReadAsync(fromByte, cancellationToken: cancellationToken);

    public async Task DeleteAsync(ImportId importId, CancellationToken cancellationToken) =>
        await container.GetBlobClient(BlobName(importId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string BlobName(ImportId importId) => $"{importId.Value}.jsonl";

    private sealed class FileTooLargeException : Exception;

    /// <summary>Passes the request body through, counting, and stops at the limit without reading the rest.</summary>
    private sealed class LimitedStream(Stream inner, long max) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            BytesRead += read;
            return BytesRead > max ? throw new FileTooLargeException() : read;
        }
    }
}
