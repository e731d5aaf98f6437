using System.Net;
using System.Security.Cryptography;
using Reintegration.Azure.Storage;
using Reintegration.Core.Documents;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

public sealed class ReadUrlTests(StandInsFixture standIns) : BlobFilesTest(standIns)
{
    [Fact]
    public async Task The_read_url_gets_the_bytes_of_the_accepted_copy_with_its_recorded_hash()
    {
        var (blobName, sha256) = await AcceptedAsync(SampleFiles.Jpeg);
        var url = await Files.ReadUrlAsync(blobName, FileSignatures.Jpeg, "receipt-1.jpg", InTenMinutes, Cancellation);

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.Equal(SampleFiles.Jpeg, bytes);
        Assert.Equal(sha256, Assert.Single(response.Headers.GetValues("x-ms-meta-" + BlobDocumentFiles.Sha256Metadata)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256);
        Assert.Contains($"/{BlobDocumentFiles.AcceptedContainerName}/", url.AbsolutePath);
    }

    [Fact]
    public async Task The_read_url_serves_the_recorded_type_whatever_the_upload_claimed()
    {
        var upload = NewBlobName();
        using (var put = await PutAsync(await Files.UploadUrlAsync(upload, InTenMinutes, Cancellation), SampleFiles.Pdf, "text/html"))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        var inspection = (await Files.InspectAsync(upload, 1024, Cancellation))!;
        await Files.KeepAsync(new FileToKeep(upload, inspection.Version, upload, inspection.Sha256!), Cancellation);
        var url = await Files.ReadUrlAsync(upload, FileSignatures.Pdf, "receipt-1.pdf", InTenMinutes, Cancellation);

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileSignatures.Pdf, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_read_url_offers_the_file_as_a_download_under_a_safe_name()
    {
        var (blobName, _) = await AcceptedAsync(SampleFiles.Pdf);
        var url = await Files.ReadUrlAsync(blobName, FileSignatures.Pdf, "consent \"form\"/../x.pdf", InTenMinutes, Cancellation);

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"consent__form__.._x.pdf\"", response.Content.Headers.ContentDisposition?.ToString());
    }

    [Fact]
    public async Task The_read_url_cannot_write()
    {
        var (blobName, _) = await AcceptedAsync(SampleFiles.Pdf);
        var url = await Files.ReadUrlAsync(blobName, FileSignatures.Pdf, "receipt-1.pdf", InTenMinutes, Cancellation);

        using var response = await PutAsync(url, SampleFiles.Png, "image/png");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(SampleFiles.Pdf, (await AcceptedBlob(blobName).DownloadContentAsync(Cancellation)).Value.Content.ToArray());
    }

    [Fact]
    public async Task A_read_url_whose_expiry_has_passed_is_refused()
    {
        var (blobName, _) = await AcceptedAsync(SampleFiles.Pdf);
        var url = await Files.ReadUrlAsync(blobName, FileSignatures.Pdf, "receipt-1.pdf", DateTimeOffset.UtcNow.AddMinutes(-1), Cancellation);

        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_read_url_with_another_blob_name_cannot_read_that_blob()
    {
        var (blobName, _) = await AcceptedAsync(SampleFiles.Pdf);
        var (otherBlobName, _) = await AcceptedAsync(SampleFiles.Png);
        var url = await Files.ReadUrlAsync(blobName, FileSignatures.Pdf, "receipt-1.pdf", InTenMinutes, Cancellation);

        using var response = await GetAsync(WithBlobNamed(url, otherBlobName[(otherBlobName.LastIndexOf('/') + 1)..]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_read_url_with_a_changed_content_type_is_refused()
    {
        var (blobName, _) = await AcceptedAsync(SampleFiles.Pdf);
        var url = await Files.ReadUrlAsync(blobName, FileSignatures.Pdf, "receipt-1.pdf", InTenMinutes, Cancellation);

        using var response = await GetAsync(new Uri(url.ToString().Replace("rsct=application%2Fpdf", "rsct=text%2Fhtml")));

        Assert.Contains("rsct=application%2Fpdf", url.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
