using System.Security.Cryptography;
using Reintegration.Core.Documents;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Files;

public sealed class InspectionTests(StandInsFixture standIns) : BlobFilesTest(standIns)
{
    [Fact]
    public async Task A_blob_never_uploaded_inspects_as_null()
    {
        Assert.Null(await Files.InspectAsync(NewBlobName(), 1024, Cancellation));
    }

    [Fact]
    public async Task An_uploaded_pdf_inspects_with_its_exact_size_first_bytes_and_sha256()
    {
        var blobName = await UploadedAsync(SampleFiles.Pdf);

        var inspection = (await Files.InspectAsync(blobName, 1024, Cancellation))!;

        Assert.Equal(SampleFiles.Pdf.Length, inspection.Size);
        Assert.Equal(SampleFiles.Pdf[..FileSignatures.HeaderLength], inspection.Header);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Pdf)), inspection.Sha256);
        Assert.Equal(FileSignatures.Pdf, FileSignatures.Detect(inspection.Header));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    public async Task Uploaded_images_are_recognised_from_their_inspected_header(string kind)
    {
        var (bytes, type) = kind == "jpeg" ? (SampleFiles.Jpeg, FileSignatures.Jpeg) : (SampleFiles.Png, FileSignatures.Png);
        var blobName = await UploadedAsync(bytes);

        var inspection = (await Files.InspectAsync(blobName, 1024, Cancellation))!;

        Assert.Equal(bytes.Length, inspection.Size);
        Assert.Equal(type, FileSignatures.Detect(inspection.Header));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspection.Sha256);
    }

    [Fact]
    public async Task A_file_larger_than_the_read_buffer_is_hashed_completely()
    {
        var bytes = SampleFiles.LargePdf(200_000);
        var blobName = await UploadedAsync(bytes);

        var inspection = (await Files.InspectAsync(blobName, bytes.Length, Cancellation))!;

        Assert.Equal(bytes.Length, inspection.Size);
        Assert.Equal(bytes[..FileSignatures.HeaderLength], inspection.Header);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspection.Sha256);
    }

    [Fact]
    public async Task A_file_over_the_limit_inspects_with_its_size_and_header_but_no_hash()
    {
        var bytes = SampleFiles.LargePdf(4_096);
        var blobName = await UploadedAsync(bytes);

        var inspection = (await Files.InspectAsync(blobName, 4_095, Cancellation))!;

        Assert.Equal(4_096, inspection.Size);
        Assert.Equal(bytes[..FileSignatures.HeaderLength], inspection.Header);
        Assert.Null(inspection.Sha256);
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_hashed()
    {
        var bytes = SampleFiles.LargePdf(4_096);
        var blobName = await UploadedAsync(bytes);

        var inspection = (await Files.InspectAsync(blobName, 4_096, Cancellation))!;

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspection.Sha256);
    }

    [Fact]
    public async Task An_empty_upload_inspects_as_size_zero_with_no_header_and_the_hash_of_nothing()
    {
        var blobName = await UploadedAsync([]);

        var inspection = (await Files.InspectAsync(blobName, 1024, Cancellation))!;

        Assert.Equal(0, inspection.Size);
        Assert.Empty(inspection.Header);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), inspection.Sha256);
        Assert.Null(FileSignatures.Detect(inspection.Header));
    }
}
