using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Reintegration.Azure.Storage;
using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Documents;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

/// <summary>BlobDocumentFiles over Azurite, with a plain HttpClient in the role of the browser.</summary>
public abstract class BlobFilesTest(StandInsFixture standIns) : AdapterTest(standIns)
{
    protected static readonly HttpClient Browser = new();

    protected IDocumentFiles Files => Get<IDocumentFiles>();

    protected static DateTimeOffset InTenMinutes => DateTimeOffset.UtcNow.AddMinutes(10);

    protected static string NewBlobName() => $"cases/case-{Guid.NewGuid():N}/document-{Guid.NewGuid():N}";

    /// <summary>What a browser sends to an upload URL.</summary>
    protected static Task<HttpResponseMessage> PutAsync(Uri url, byte[] content, string contentType = FileSignatures.Pdf)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return Browser.SendAsync(request, TestContext.Current.CancellationToken);
    }

    protected static Task<HttpResponseMessage> GetAsync(Uri url) => Browser.GetAsync(url, TestContext.Current.CancellationToken);

    protected async Task<string> UploadedAsync(byte[] content)
    {
        var blobName = NewBlobName();
        using var response = await PutAsync(await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation), content);
        Assert.True(response.IsSuccessStatusCode, $"The upload answered {(int)response.StatusCode}.");
        return blobName;
    }

    /// <summary>Uploads the file, inspects it and keeps the accepted copy; answers the accepted blob's name and its SHA-256.</summary>
    protected async Task<(string Name, string Sha256)> AcceptedAsync(byte[] content)
    {
        var upload = await UploadedAsync(content);
        var inspection = (await Files.InspectAsync(upload, 1024 * 1024, Cancellation))!;
        var acceptedName = $"{upload}-accepted";
        await Files.KeepAsync(new FileToKeep(upload, inspection.Version, acceptedName, inspection.Sha256!), Cancellation);
        return (acceptedName, inspection.Sha256!);
    }

    protected BlobClient UploadBlob(string blobName) =>
        Get<BlobServiceClient>().GetBlobContainerClient(BlobDocumentFiles.UploadContainerName).GetBlobClient(blobName);

    protected BlobClient AcceptedBlob(string blobName) =>
        Get<BlobServiceClient>().GetBlobContainerClient(BlobDocumentFiles.AcceptedContainerName).GetBlobClient(blobName);

    /// <summary>The same signed URL with the last path segment (the blob's own name) replaced.</summary>
    protected static Uri WithBlobNamed(Uri url, string lastSegment)
    {
        var builder = new UriBuilder(url);
        builder.Path = builder.Path[..(builder.Path.LastIndexOf('/') + 1)] + lastSegment;
        return builder.Uri;
    }
}
