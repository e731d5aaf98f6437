using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Core.Time;

namespace Reintegration.Azure.Storage;

/// <summary>
/// Case files in two private containers: uploads (a client's URL may create one blob there, once) and
/// accepted copies (written only here, by a server-side copy of the checked upload; no upload URL names
/// this container). URLs are SAS for a single blob: signed with the account key where the client has
/// one (the local stand-in), otherwise with a user delegation key obtained through the app's managed
/// identity (Azure, where account keys are disabled).
/// </summary>
public sealed class BlobDocumentFiles(BlobServiceClient service, ProgrammeClock clock) : IDocumentFiles
{
    public const string UploadContainerName = "document-uploads";

    /// <summary>Accepted files; in Azure under a time-based retention policy (infra/modules/storage.bicep).</summary>
    public const string AcceptedContainerName = "case-documents";

    /// <summary>The metadata entry holding the SHA-256 the server checked; a GET answers it as x-ms-meta-sha256.</summary>
    public const string Sha256Metadata = "sha256";

    /// <summary>How long the copy operation may read the upload.</summary>
    private static readonly TimeSpan CopySourceLifetime = TimeSpan.FromMinutes(10);

    private readonly BlobContainerClient uploads = service.GetBlobContainerClient(UploadContainerName);
    private readonly BlobContainerClient accepted = service.GetBlobContainerClient(AcceptedContainerName);
    private volatile bool containersExist;

    /// <summary>Creates the containers once it succeeds; a failure (storage unreachable) is tried again on the next request.</summary>
    private async Task EnsureContainersAsync(CancellationToken cancellationToken)
    {
        if (!containersExist)
        {
            await uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await accepted.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containersExist = true;
        }
    }

    // Create only: Blob storage refuses a PUT with this URL once the blob exists, so what was checked is what stays.
    public async Task<Uri> UploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await EnsureContainersAsync(cancellationToken);
        return await SignAsync(uploads.GetBlobClient(blobName), new BlobSasBuilder(BlobSasPermissions.Create, expiresAt), cancellationToken);
    }

    public async Task<Uri> ReadUrlAsync(string acceptedBlobName, string contentType, string downloadName, DateTimeOffset expiresAt,
        CancellationToken cancellationToken)
    {
        await EnsureContainersAsync(cancellationToken);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresAt)
        {
            // rsct and rscd: served as the recorded type, never as what the uploading browser claimed.
            ContentType = contentType,
            ContentDisposition = $"attachment; filename=\"{SafeFileName(downloadName)}\"",
        };
        return await SignAsync(accepted.GetBlobClient(acceptedBlobName), sas, cancellationToken);
    }

    public async Task<FileInspection?> InspectAsync(string blobName, long maxBytes, CancellationToken cancellationToken)
    {
        await EnsureContainersAsync(cancellationToken);
        var blob = uploads.GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        var version = properties.ETag.ToString();
        if (properties.ContentLength > maxBytes)
        {
            var head = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, FileSignatures.HeaderLength) }, cancellationToken);
            return new FileInspection(properties.ContentLength, head.Value.Content.ToArray(), null, version);
        }
        var (size, header, sha256) = await ReadThroughAsync(blob, properties.ETag, cancellationToken);
        return new FileInspection(size, header, sha256, version);
    }

    public async Task KeepAsync(FileToKeep file, CancellationToken cancellationToken)
    {
        await EnsureContainersAsync(cancellationToken);
        var target = accepted.GetBlobClient(file.AcceptedBlobName);
        var source = await SignAsync(uploads.GetBlobClient(file.UploadBlobName),
            new BlobSasBuilder(BlobSasPermissions.Read, clock.Now + CopySourceLifetime), cancellationToken);
        var copiedHere = true;
        try
        {
            var copy = await target.StartCopyFromUriAsync(source, new BlobCopyFromUriOptions
            {
                Metadata = new Dictionary<string, string> { [Sha256Metadata] = file.Sha256 },
                // Exactly the inspected upload, and never over an accepted copy.
                SourceConditions = new BlobRequestConditions { IfMatch = new ETag(file.UploadVersion) },
                DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            await copy.WaitForCompletionAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            copiedHere = false;
        }

        BlobProperties properties;
        try
        {
            properties = (await target.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new UploadChangedException("The upload is not the one that was checked, and nothing was accepted.");
        }
        if (properties.CopyStatus == CopyStatus.Pending)
        {
            // Another completion's copy is still running: wait for that one.
            await new CopyFromUriOperation(properties.CopyId, target).WaitForCompletionAsync(cancellationToken);
        }
        var (_, _, copiedSha256) = await ReadThroughAsync(target, null, cancellationToken);
        if (copiedSha256 == file.Sha256 && properties.Metadata.TryGetValue(Sha256Metadata, out var kept) && kept == file.Sha256)
        {
            return;
        }
        if (!copiedHere)
        {
            throw new UploadChangedException("Another file was accepted under this name.");
        }
        throw new InvalidOperationException("The accepted copy does not hash to the SHA-256 that was checked.");
    }

    public async Task DeleteUploadAsync(string blobName, CancellationToken cancellationToken) =>
        await uploads.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task DeleteAcceptedAsync(string acceptedBlobName, CancellationToken cancellationToken)
    {
        try
        {
            await accepted.GetBlobClient(acceptedBlobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "BlobImmutableDueToPolicy")
        {
            // Azure's retention policy on accepted files (docs/decisions/0012) has not passed yet: the case is anonymised
            // now, and the retention job deletes the file once the lock has passed.
            throw new FileUnderRetentionLockException("An accepted file of this case is still under its storage retention lock.");
        }
    }

    /// <summary>Reads the blob once: size, first bytes for the type check, SHA-256 of everything.</summary>
    private static async Task<(long Size, byte[] Header, string Sha256)> ReadThroughAsync(BlobClient blob, ETag? version,
        CancellationToken cancellationToken)
    {
        var options = new BlobOpenReadOptions(allowModifications: false);
        if (version is not null)
        {
            options.Conditions = new BlobRequestConditions { IfMatch = version };
        }
        await using var stream = await blob.OpenReadAsync(options, cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var header = new byte[FileSignatures.HeaderLength];
        var headerLength = 0;
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            var take = Math.Min(read, header.Length - headerLength);
            if (take > 0)
            {
                Array.Copy(buffer, 0, header, headerLength, take);
                headerLength += take;
            }
            total += read;
        }
        return (total, header[..headerLength], Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The upload if one is left, then the accepted copy (in Azure refused while its retention policy runs).</summary>
    public async Task EraseAsync(CaseDocument document, CancellationToken cancellationToken)
    {
        await DeleteUploadAsync(document.BlobName, cancellationToken);
        if (document.AcceptedBlobName is { } accepted)
        {
            await DeleteAcceptedAsync(accepted, cancellationToken);
        }
    }

    private async Task<Uri> SignAsync(BlobClient blob, BlobSasBuilder sas, CancellationToken cancellationToken)
    {
        sas.BlobContainerName = blob.BlobContainerName;
        sas.BlobName = blob.Name;
        sas.Resource = "b";
        sas.StartsOn = clock.Now.AddMinutes(-5);
        sas.Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp;
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }
        var key = await service.GetUserDelegationKeyAsync(sas.StartsOn, sas.ExpiresOn, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
    }

    private static string SafeFileName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}
