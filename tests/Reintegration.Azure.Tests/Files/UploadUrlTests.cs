using System.Net;
using System.Net.Http.Headers;
using System.Web;
using Reintegration.Azure.Storage;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

public sealed class UploadUrlTests(StandInsFixture standIns) : BlobFilesTest(standIns)
{
    [Fact]
    public async Task The_upload_url_lets_a_plain_http_put_store_the_file_in_its_upload_blob()
    {
        var blobName = NewBlobName();
        var url = await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation);

        using var response = await PutAsync(url, SampleFiles.Pdf);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(SampleFiles.Pdf, (await UploadBlob(blobName).DownloadContentAsync(Cancellation)).Value.Content.ToArray());
        Assert.EndsWith("/" + BlobDocumentFiles.UploadContainerName + "/" + blobName, url.AbsolutePath);
    }

    [Fact]
    public async Task The_upload_url_may_only_create()
    {
        var url = await Files.UploadUrlAsync(NewBlobName(), InTenMinutes, Cancellation);

        Assert.Equal("c", HttpUtility.ParseQueryString(url.Query)["sp"]);
    }

    [Fact]
    public async Task The_upload_url_cannot_overwrite_its_own_blob_once_it_exists()
    {
        var blobName = NewBlobName();
        var url = await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation);
        using (var first = await PutAsync(url, SampleFiles.Pdf))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await PutAsync(url, SampleFiles.Png, "image/png");

        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal(SampleFiles.Pdf, (await UploadBlob(blobName).DownloadContentAsync(Cancellation)).Value.Content.ToArray());
    }

    [Fact]
    public async Task The_upload_url_cannot_replace_its_blob_block_by_block()
    {
        var blobName = NewBlobName();
        var url = await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation);
        using (var first = await PutAsync(url, SampleFiles.Pdf))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }
        var blockId = Convert.ToBase64String("block-1"u8.ToArray());

        using var stage = await Browser.SendAsync(new HttpRequestMessage(HttpMethod.Put,
            new Uri($"{url}&comp=block&blockid={Uri.EscapeDataString(blockId)}")) { Content = new ByteArrayContent(SampleFiles.Png) }, Cancellation);
        var commit = new HttpRequestMessage(HttpMethod.Put, new Uri($"{url}&comp=blocklist"))
        {
            Content = new StringContent($"<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>{blockId}</Latest></BlockList>"),
        };
        commit.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var committed = await Browser.SendAsync(commit, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, stage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, committed.StatusCode);
        Assert.Equal(SampleFiles.Pdf, (await UploadBlob(blobName).DownloadContentAsync(Cancellation)).Value.Content.ToArray());
    }

    [Fact]
    public async Task The_upload_url_with_another_blob_name_cannot_write()
    {
        var blobName = NewBlobName();
        var url = await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation);
        var otherName = $"document-{Guid.NewGuid():N}";
        var other = WithBlobNamed(url, otherName);

        using var response = await PutAsync(other, SampleFiles.Pdf);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var otherBlobName = blobName[..(blobName.LastIndexOf('/') + 1)] + otherName;
        Assert.Null(await Files.InspectAsync(otherBlobName, 1024, Cancellation));
    }

    [Fact]
    public async Task The_upload_url_pointed_at_the_accepted_container_cannot_write_there()
    {
        var blobName = NewBlobName();
        var url = await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation);
        var intoAccepted = new Uri(url.ToString().Replace($"/{BlobDocumentFiles.UploadContainerName}/", $"/{BlobDocumentFiles.AcceptedContainerName}/"));

        using var response = await PutAsync(intoAccepted, SampleFiles.Pdf);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await AcceptedBlob(blobName).ExistsAsync(Cancellation)).Value);
    }

    [Fact]
    public async Task The_upload_url_cannot_read_the_blob()
    {
        var blobName = NewBlobName();
        var url = await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation);
        using (var put = await PutAsync(url, SampleFiles.Pdf))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_url_whose_expiry_has_passed_is_refused()
    {
        var blobName = NewBlobName();
        // The signature starts five minutes before now, so an expiry one minute ago is a well-formed, expired SAS.
        var url = await Files.UploadUrlAsync(blobName, DateTimeOffset.UtcNow.AddMinutes(-1), Cancellation);

        using var response = await PutAsync(url, SampleFiles.Pdf);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await Files.InspectAsync(blobName, 1024, Cancellation));
    }
}
