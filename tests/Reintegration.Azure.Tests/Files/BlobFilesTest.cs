using System.Net.Http.Headers;
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

    /// <summary>The same signed URL with the last path segment (the blob's own name) replaced.</summary>
    protected static Uri WithBlobNamed(Uri url, string lastSegment)
    {
        var builder = new UriBuilder(url);
        builder.Path = builder.Path[..(builder.Path.LastIndexOf('/') + 1)] + lastSegment;
        return builder.Uri;
    }
}
