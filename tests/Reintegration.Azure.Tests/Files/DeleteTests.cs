using System.Net;
using Reintegration.Core.Documents;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

public sealed class DeleteTests(StandInsFixture standIns) : BlobFilesTest(standIns)
{
    [Fact]
    public async Task Deleting_an_upload_removes_the_blob()
    {
        var blobName = await UploadedAsync(SampleFiles.Pdf);

        await Files.DeleteUploadAsync(blobName, Cancellation);

        Assert.Null(await Files.InspectAsync(blobName, 1024, Cancellation));
    }

    [Fact]
    public async Task Deleting_an_upload_that_is_not_there_does_nothing()
    {
        var blobName = NewBlobName();

        await Files.DeleteUploadAsync(blobName, Cancellation);

        Assert.Null(await Files.InspectAsync(blobName, 1024, Cancellation));
    }

    [Fact]
    public async Task Deleting_one_upload_leaves_the_others()
    {
        var deleted = await UploadedAsync(SampleFiles.Pdf);
        var kept = await UploadedAsync(SampleFiles.Png);

        await Files.DeleteUploadAsync(deleted, Cancellation);

        Assert.Equal(SampleFiles.Png.Length, (await Files.InspectAsync(kept, 1024, Cancellation))!.Size);
    }

    [Fact]
    public async Task Erasing_an_accepted_file_removes_it_and_its_read_url_finds_nothing()
    {
        var (blobName, _) = await AcceptedAsync(SampleFiles.Pdf);
        var readUrl = await Files.ReadUrlAsync(blobName, FileSignatures.Pdf, "receipt-1.pdf", InTenMinutes, Cancellation);

        await Files.DeleteAcceptedAsync(blobName, Cancellation);

        Assert.False((await AcceptedBlob(blobName).ExistsAsync(Cancellation)).Value);
        using var response = await GetAsync(readUrl);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
