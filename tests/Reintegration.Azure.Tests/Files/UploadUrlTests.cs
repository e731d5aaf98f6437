using System.Net;
using Azure.Storage.Blobs;
using Reintegration.Azure.Storage;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

public sealed class UploadUrlTests(StandInsFixture standIns) : BlobFilesTest(standIns)
{
    [Fact]
    public async Task The_upload_url_lets_a_plain_http_put_store_the_file_in_its_blob()
    {
        var blobName = NewBlobName();
        var url = await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation);

        using var response = await PutAsync(url, SampleFiles.Pdf);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var blob = Get<BlobServiceClient>().GetBlobContainerClient(BlobDocumentFiles.ContainerName).GetBlobClient(blobName);
        Assert.Equal(SampleFiles.Pdf, (await blob.DownloadContentAsync(Cancellation)).Value.Content.ToArray());
        Assert.EndsWith("/" + BlobDocumentFiles.ContainerName + "/" + blobName, url.AbsolutePath);
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

    [Fact]
    public async Task The_upload_url_may_overwrite_its_own_blob()
    {
        var blobName = NewBlobName();
        var url = await Files.UploadUrlAsync(blobName, InTenMinutes, Cancellation);
        using (var first = await PutAsync(url, SampleFiles.Pdf))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await PutAsync(url, SampleFiles.Png, "image/png");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(SampleFiles.Png.Length, (await Files.InspectAsync(blobName, 1024, Cancellation))!.Size);
    }
}
