using System.Net;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

public sealed class ReadUrlTests(StandInsFixture standIns) : BlobFilesTest(standIns)
{
    [Fact]
    public async Task The_read_url_gets_the_bytes_of_its_blob()
    {
        var blobName = await UploadedAsync(SampleFiles.Jpeg);
        var url = await Files.ReadUrlAsync(blobName, "passport.jpg", InTenMinutes, Cancellation);

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SampleFiles.Jpeg, await response.Content.ReadAsByteArrayAsync(Cancellation));
    }

    [Fact]
    public async Task The_read_url_offers_the_file_as_a_download_under_a_safe_name()
    {
        var blobName = await UploadedAsync(SampleFiles.Pdf);
        var url = await Files.ReadUrlAsync(blobName, "consent \"form\"/../x.pdf", InTenMinutes, Cancellation);

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"consent _form__.._x.pdf\"", response.Content.Headers.ContentDisposition?.ToString());
    }

    [Fact]
    public async Task The_read_url_cannot_write()
    {
        var blobName = await UploadedAsync(SampleFiles.Pdf);
        var url = await Files.ReadUrlAsync(blobName, "consent.pdf", InTenMinutes, Cancellation);

        using var response = await PutAsync(url, SampleFiles.Png, "image/png");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var inspection = (await Files.InspectAsync(blobName, 1024, Cancellation))!;
        Assert.Equal(SampleFiles.Pdf.Length, inspection.Size);
    }

    [Fact]
    public async Task A_read_url_whose_expiry_has_passed_is_refused()
    {
        var blobName = await UploadedAsync(SampleFiles.Pdf);
        var url = await Files.ReadUrlAsync(blobName, "consent.pdf", DateTimeOffset.UtcNow.AddMinutes(-1), Cancellation);

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_read_url_with_another_blob_name_cannot_read_that_blob()
    {
        var blobName = await UploadedAsync(SampleFiles.Pdf);
        var otherBlobName = await UploadedAsync(SampleFiles.Png);
        var url = await Files.ReadUrlAsync(blobName, "consent.pdf", InTenMinutes, Cancellation);

        using var response = await GetAsync(WithBlobNamed(url, otherBlobName[(otherBlobName.LastIndexOf('/') + 1)..]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
