using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Reintegration.Core.Documents;
using Reintegration.Core.Time;

namespace Reintegration.Azure.Storage;

/// <summary>
/// Case files in one private container. URLs are SAS for a single blob: signed with the account key
/// where the client has one (the local stand-in), otherwise with a user delegation key obtained
/// through the app's managed identity (Azure, where account keys are disabled).
/// </summary>
public sealed class BlobDocumentFiles(BlobServiceClient service, ProgrammeClock clock) : IDocumentFiles
{
    public const string ContainerName = "case-documents";

    private readonly BlobContainerClient container = service.GetBlobContainerClient(ContainerName);
    private volatile bool containerExists;

    /// <summary>Creates the container once it succeeds; a failure (storage unreachable) is tried again on the next request.</summary>
    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerExists = true;
        }
    }

    public Task<Uri> UploadUrlAsync(string blobName, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        SignAsync(blobName, BlobSasPermissions.Create | BlobSasPermissions.Write, expiresAt, null, cancellationToken);

    public Task<Uri> ReadUrlAsync(string blobName, string fileName, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        SignAsync(blobName, BlobSasPermissions.Read, expiresAt, fileName, cancellationToken);

    public async Task<FileInspection?> InspectAsync(string blobName, long maxBytes, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        if (properties.ContentLength > maxBytes)
        {
            var head = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, FileSignatures.HeaderLength) }, cancellationToken);
            return new FileInspection(properties.ContentLength, head.Value.Content.ToArray(), null);
        }
        // Read once: hash everything, keep the first bytes for the type check.
        await using var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
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
        return new FileInspection(total, header[..headerLength], Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        await container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public Task EraseAsync(CaseDocument document, CancellationToken cancellationToken) => DeleteAsync(document.BlobName, cancellationToken);

    private async Task<Uri> SignAsync(string blobName, BlobSasPermissions permissions, DateTimeOffset expiresAt, string? downloadName,
        CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlobClient(blobName);
        var sas = new BlobSasBuilder(permissions, expiresAt)
        {
            BlobContainerName = ContainerName,
            BlobName = blobName,
            Resource = "b",
            StartsOn = clock.Now.AddMinutes(-5),
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentDisposition = downloadName is null ? null : $"attachment; filename=\"{SafeFileName(downloadName)}\"",
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }
        var key = await service.GetUserDelegationKeyAsync(sas.StartsOn, expiresAt, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
    }

    private static string SafeFileName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_').ToArray());
}
