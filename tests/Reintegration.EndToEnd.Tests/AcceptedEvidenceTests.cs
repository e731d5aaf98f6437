using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Azure.Storage;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>An accepted document stays the file that was checked: no URL a client held can change it, and reads serve it as recorded.</summary>
public sealed class AcceptedEvidenceTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private static readonly byte[] HtmlPage = Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>");

    [Fact]
    public async Task The_upload_url_of_an_accepted_receipt_can_no_longer_replace_what_the_read_url_serves()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var bytes = Documents.File("receipt.pdf");
        var (documentId, uploadUrl) = await Documents.RequestUpload(partner, caseId, "Receipt", "receipt.pdf", "application/pdf", bytes.Length);
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(uploadUrl, bytes, "application/pdf"));
        using (var completed = await Documents.Complete(partner, caseId, documentId))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }

        var replaced = await Documents.Put(uploadUrl, HtmlPage, "text/html");

        using var read = await Documents.Get(await ReadUrl(partner, caseId, documentId));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(bytes, await read.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", read.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, replaced);
    }

    [Fact]
    public async Task A_second_put_to_the_upload_url_before_completing_is_refused_so_the_checked_bytes_are_the_first_ones()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var bytes = Documents.File("receipt.pdf");
        var (documentId, uploadUrl) = await Documents.RequestUpload(partner, caseId, "Receipt", "receipt.pdf", "application/pdf", bytes.Length);
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(uploadUrl, bytes, "application/pdf"));

        Assert.Equal(HttpStatusCode.Forbidden, await Documents.Put(uploadUrl, HtmlPage, "application/pdf"));

        using var completed = await Documents.Complete(partner, caseId, documentId);
        var document = await Api.ReadObject(completed);
        Assert.Equal(Sha256(bytes), document["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_read_url_forces_the_recorded_type_and_a_neutral_name_and_carries_the_recorded_hash()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var bytes = Documents.File("receipt.pdf");
        var (documentId, uploadUrl) = await Documents.RequestUpload(partner, caseId, "Receipt", "Ama Mensah receipt.pdf", "application/pdf", bytes.Length);
        // What the browser claims at upload is not what a reader is served.
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(uploadUrl, bytes, "text/html"));
        using (var completed = await Documents.Complete(partner, caseId, documentId))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }

        var readUrl = await ReadUrl(partner, caseId, documentId);
        using var read = await Documents.Get(readUrl);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("application/pdf", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=\"receipt-{documentId}.pdf\"", read.Content.Headers.ContentDisposition?.ToString());
        Assert.DoesNotContain("Mensah", Uri.UnescapeDataString(readUrl.ToString()));
        Assert.DoesNotContain("Mensah", Uri.UnescapeDataString(uploadUrl.ToString()));
        var downloaded = await read.Content.ReadAsByteArrayAsync();
        Assert.Equal(Sha256(downloaded), Assert.Single(read.Headers.GetValues("x-ms-meta-sha256")));
        using var view = await partner.GetAsync($"api/cases/{caseId}/documents/{documentId}");
        Assert.Equal(Sha256(downloaded), (await Api.ReadObject(view))["document"]!["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_accepted_file_lives_where_no_upload_url_points_and_the_upload_is_gone()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var bytes = Documents.File("receipt.jpg");
        var (documentId, uploadUrl) = await Documents.RequestUpload(partner, caseId, "Receipt", "receipt.jpg", "image/jpeg", bytes.Length);
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(uploadUrl, bytes, "image/jpeg"));
        using (var completed = await Documents.Complete(partner, caseId, documentId))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }

        var readUrl = await ReadUrl(partner, caseId, documentId);

        Assert.NotEqual(uploadUrl.AbsolutePath, readUrl.AbsolutePath);
        Assert.StartsWith($"/{BlobDocumentFiles.AcceptedContainerName}/", StorageRelativePath(readUrl));
        Assert.StartsWith($"/{BlobDocumentFiles.UploadContainerName}/", StorageRelativePath(uploadUrl));
        Assert.Empty(await BlobsUnder(BlobDocumentFiles.UploadContainerName, caseId));
        var accepted = Assert.Single(await BlobsUnder(BlobDocumentFiles.AcceptedContainerName, caseId));
        Assert.Equal(Sha256(bytes), accepted.Metadata["sha256"]);
    }

    [Fact]
    public async Task Two_completes_at_once_give_one_accepted_copy_and_one_record()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var bytes = Documents.File("receipt.pdf");
        var (documentId, uploadUrl) = await Documents.RequestUpload(partner, caseId, "Receipt", "receipt.pdf", "application/pdf", bytes.Length);
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(uploadUrl, bytes, "application/pdf"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Documents.Complete(partner, caseId, documentId)));

        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
            foreach (var response in responses)
            {
                Assert.Equal(Sha256(bytes), (await Api.ReadObject(response))["sha256"]!.GetValue<string>());
            }
            var accepted = Assert.Single(await BlobsUnder(BlobDocumentFiles.AcceptedContainerName, caseId));
            Assert.Equal(Sha256(bytes), accepted.Metadata["sha256"]);
            using var read = await Documents.Get(await ReadUrl(partner, caseId, documentId));
            Assert.Equal(bytes, await read.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            foreach (var response in responses) response.Dispose();
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<Uri> ReadUrl(HttpClient client, string caseId, string documentId)
    {
        using var response = await client.GetAsync($"api/cases/{caseId}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri((await Api.ReadObject(response))["readUrl"]!.GetValue<string>());
    }

    /// <summary>The path after the storage account (Azurite puts the account name first).</summary>
    private static string StorageRelativePath(Uri url) => url.AbsolutePath[url.AbsolutePath.IndexOf('/', 1)..];

    private async Task<List<BlobItem>> BlobsUnder(string container, string caseId)
    {
        var blobs = new List<BlobItem>();
        var client = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(container);
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = $"cases/{caseId}/", Traits = BlobTraits.Metadata }))
        {
            blobs.Add(blob);
        }
        return blobs;
    }
}
