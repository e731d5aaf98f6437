using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Reintegration.Azure.Storage;
using Reintegration.Core.Documents;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

/// <summary>Keeping a checked upload: a server-side copy to the accepted container, exactly the bytes that were inspected.</summary>
public sealed class KeepTests(StandInsFixture standIns) : BlobFilesTest(standIns)
{
    [Fact]
    public async Task The_accepted_copy_has_the_checked_bytes_and_their_sha256_as_metadata()
    {
        var upload = await UploadedAsync(SampleFiles.Png);
        var inspection = (await Files.InspectAsync(upload, 1024, Cancellation))!;
        var acceptedName = NewBlobName();

        await Files.KeepAsync(new FileToKeep(upload, inspection.Version, acceptedName, inspection.Sha256!), Cancellation);

        var copy = (await AcceptedBlob(acceptedName).DownloadContentAsync(Cancellation)).Value;
        Assert.Equal(SampleFiles.Png, copy.Content.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Png)), copy.Details.Metadata[BlobDocumentFiles.Sha256Metadata]);
    }

    [Fact]
    public async Task Two_keeps_at_once_leave_one_accepted_copy_and_both_succeed()
    {
        var upload = await UploadedAsync(SampleFiles.LargePdf(300_000));
        var inspection = (await Files.InspectAsync(upload, 1024 * 1024, Cancellation))!;
        var acceptedName = NewBlobName();
        var file = new FileToKeep(upload, inspection.Version, acceptedName, inspection.Sha256!);

        await Task.WhenAll(Files.KeepAsync(file, Cancellation), Files.KeepAsync(file, Cancellation));

        var blobs = new List<BlobItem>();
        await foreach (var blob in AcceptedBlob(acceptedName).GetParentBlobContainerClient()
            .GetBlobsAsync(new GetBlobsOptions { Prefix = acceptedName }, Cancellation))
        {
            blobs.Add(blob);
        }
        Assert.Single(blobs);
    }

    [Fact]
    public async Task Keeping_again_after_the_upload_was_deleted_finds_the_same_copy()
    {
        var upload = await UploadedAsync(SampleFiles.Pdf);
        var inspection = (await Files.InspectAsync(upload, 1024, Cancellation))!;
        var file = new FileToKeep(upload, inspection.Version, NewBlobName(), inspection.Sha256!);
        await Files.KeepAsync(file, Cancellation);
        await Files.DeleteUploadAsync(upload, Cancellation);

        await Files.KeepAsync(file, Cancellation);

        Assert.Equal(SampleFiles.Pdf, (await AcceptedBlob(file.AcceptedBlobName).DownloadContentAsync(Cancellation)).Value.Content.ToArray());
    }

    [Fact]
    public async Task An_upload_that_is_not_the_inspected_version_is_not_kept()
    {
        var upload = await UploadedAsync(SampleFiles.Pdf);
        var inspection = (await Files.InspectAsync(upload, 1024, Cancellation))!;
        // The server itself may still replace the upload; a client URL cannot (see UploadUrlTests).
        await UploadBlob(upload).UploadAsync(BinaryData.FromBytes(SampleFiles.Png), overwrite: true, Cancellation);
        var file = new FileToKeep(upload, inspection.Version, NewBlobName(), inspection.Sha256!);

        await Assert.ThrowsAsync<UploadChangedException>(() => Files.KeepAsync(file, Cancellation));

        Assert.False((await AcceptedBlob(file.AcceptedBlobName).ExistsAsync(Cancellation)).Value);
    }

    [Fact]
    public async Task An_upload_that_is_gone_is_not_kept()
    {
        var upload = await UploadedAsync(SampleFiles.Pdf);
        var inspection = (await Files.InspectAsync(upload, 1024, Cancellation))!;
        await Files.DeleteUploadAsync(upload, Cancellation);

        await Assert.ThrowsAsync<UploadChangedException>(() =>
            Files.KeepAsync(new FileToKeep(upload, inspection.Version, NewBlobName(), inspection.Sha256!), Cancellation));
    }

    [Fact]
    public async Task Another_file_already_accepted_under_the_name_is_neither_replaced_nor_taken_for_this_one()
    {
        var (acceptedName, _) = await AcceptedAsync(SampleFiles.Pdf);
        var upload = await UploadedAsync(SampleFiles.Png);
        var inspection = (await Files.InspectAsync(upload, 1024, Cancellation))!;

        await Assert.ThrowsAsync<UploadChangedException>(() =>
            Files.KeepAsync(new FileToKeep(upload, inspection.Version, acceptedName, inspection.Sha256!), Cancellation));

        Assert.Equal(SampleFiles.Pdf, (await AcceptedBlob(acceptedName).DownloadContentAsync(Cancellation)).Value.Content.ToArray());
    }
}
