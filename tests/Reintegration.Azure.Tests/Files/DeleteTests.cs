using System.Net;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

public sealed class DeleteTests(StandInsFixture standIns) : BlobFilesTest(standIns)
{
    [Fact]
    public async Task Deleting_removes_the_blob()
    {
        var blobName = await UploadedAsync(SampleFiles.Pdf);
        var readUrl = await Files.ReadUrlAsync(blobName, "consent.pdf", InTenMinutes, Cancellation);

        await Files.DeleteAsync(blobName, Cancellation);

        Assert.Null(await Files.InspectAsync(blobName, 1024, Cancellation));
        using var response = await GetAsync(readUrl);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_blob_that_is_not_there_does_nothing()
    {
        var blobName = NewBlobName();

        await Files.DeleteAsync(blobName, Cancellation);

        Assert.Null(await Files.InspectAsync(blobName, 1024, Cancellation));
    }

    [Fact]
    public async Task Deleting_one_blob_leaves_the_others()
    {
        var deleted = await UploadedAsync(SampleFiles.Pdf);
        var kept = await UploadedAsync(SampleFiles.Png);

        await Files.DeleteAsync(deleted, Cancellation);

        Assert.Equal(SampleFiles.Png.Length, (await Files.InspectAsync(kept, 1024, Cancellation))!.Size);
    }
}
