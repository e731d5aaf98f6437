using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Files go straight to Blob storage; the server checks what arrived before it counts.</summary>
public sealed class DocumentTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    [Fact]
    public async Task A_partner_uploads_a_real_pdf_through_the_upload_url_and_reads_it_back_with_its_hash()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var bytes = Documents.File("receipt.pdf");

        var documentId = await Documents.Upload(partner, caseId, "Receipt", "receipt.pdf", "application/pdf");

        using var response = await partner.GetAsync($"api/cases/{caseId}/documents/{documentId}");
        var body = await Api.ReadObject(response);
        Assert.Equal("Accepted", body["document"]!["status"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), body["document"]!["sha256"]!.GetValue<string>());
        Assert.Equal(bytes.Length, body["document"]!["size"]!.GetValue<long>());
        using var download = await Documents.Get(new Uri(body["readUrl"]!.GetValue<string>()));
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        using var list = await api.Caseworker().GetAsync($"api/cases/{caseId}/documents");
        Assert.Contains(await Api.ReadArray(list), d => d!["id"]!.GetValue<string>() == documentId);
    }

    [Fact]
    public async Task A_disguised_file_is_rejected_deleted_and_marked_with_the_reason()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var pdf = Documents.File("receipt.pdf");
        var (documentId, url) = await Documents.RequestUpload(partner, caseId, "Receipt", "photo.jpg", "image/jpeg", pdf.Length);
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(url, pdf, "image/jpeg"));

        using var completed = await Documents.Complete(partner, caseId, documentId);

        await Api.AssertProblem(completed, HttpStatusCode.UnprocessableEntity, "rule-violation");
        using var response = await partner.GetAsync($"api/cases/{caseId}/documents/{documentId}");
        var body = await Api.ReadObject(response);
        Assert.Equal("Rejected", body["document"]!["status"]!.GetValue<string>());
        Assert.Contains("application/pdf", body["document"]!["rejectionReason"]!.GetValue<string>());
        Assert.Null(body["readUrl"]);
    }

    [Fact]
    public async Task An_executable_named_like_a_pdf_is_rejected()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        var (documentId, url) = await Documents.RequestUpload(partner, caseId, "Receipt", "receipt.pdf", "application/pdf", executable.Length);
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(url, executable, "application/pdf"));
        using var completed = await Documents.Complete(partner, caseId, documentId);
        await Api.AssertProblem(completed, HttpStatusCode.UnprocessableEntity, "rule-violation");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_rejected_after_upload_even_when_declared_small()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var big = new byte[20 * 1024 * 1024 + 1];
        Documents.File("receipt.pdf").CopyTo(big, 0);
        var (documentId, url) = await Documents.RequestUpload(partner, caseId, "Receipt", "big.pdf", "application/pdf", 1000);
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(url, big, "application/pdf"));
        using var completed = await Documents.Complete(partner, caseId, documentId);
        await Api.AssertProblem(completed, HttpStatusCode.UnprocessableEntity, "rule-violation");
    }

    [Theory]
    [InlineData("Passport", "a.pdf", "application/pdf", 100L, "type")]
    [InlineData("Receipt", "a.exe", "application/x-msdownload", 100L, "contentType")]
    [InlineData("Receipt", "a.pdf", "application/pdf", 20L * 1024 * 1024 + 1, "size")]
    [InlineData("Receipt", "../../etc/passwd", "application/pdf", 100L, "fileName")]
    public async Task A_wrong_type_size_or_name_answers_400(string type, string fileName, string contentType, long size, string field)
    {
        var (caseId, _) = await api.CaseAt("PartnerAssigned");
        using var response = await api.Partner().PostAsync($"api/cases/{caseId}/documents",
            Api.JsonBody(new JsonObject { ["type"] = type, ["fileName"] = fileName, ["contentType"] = contentType, ["size"] = size }));
        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey(field));
        using var list = await api.Partner().GetAsync($"api/cases/{caseId}/documents");
        Assert.Empty(await Api.ReadArray(list));
    }

    [Fact]
    public async Task An_upload_url_writes_only_its_own_blob_and_cannot_read_or_be_tampered_with()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var bytes = Documents.File("receipt.pdf");
        var (_, url) = await Documents.RequestUpload(partner, caseId, "Receipt", "a.pdf", "application/pdf", bytes.Length);
        var (_, otherUrl) = await Documents.RequestUpload(partner, caseId, "Receipt", "b.pdf", "application/pdf", bytes.Length);

        var foreign = new UriBuilder(otherUrl) { Query = url.Query.TrimStart('?') }.Uri;
        Assert.Equal(HttpStatusCode.Forbidden, await Documents.Put(foreign, bytes, "application/pdf"));
        using (var read = await Documents.Get(url))
        {
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        }
        var lengthened = new Uri(System.Text.RegularExpressions.Regex.Replace(url.ToString(), "se=[^&]+", "se=2099-01-01T00%3A00%3A00Z"));
        Assert.Equal(HttpStatusCode.Forbidden, await Documents.Put(lengthened, bytes, "application/pdf"));
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(url, bytes, "application/pdf"));
    }

    [Fact]
    public async Task Completing_before_uploading_answers_422_and_leaves_the_document_waiting()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var (documentId, _) = await Documents.RequestUpload(partner, caseId, "Receipt", "a.pdf", "application/pdf", 100);
        using var completed = await Documents.Complete(partner, caseId, documentId);
        await Api.AssertProblem(completed, HttpStatusCode.UnprocessableEntity, "rule-violation");
        using var response = await partner.GetAsync($"api/cases/{caseId}/documents/{documentId}");
        Assert.Equal("AwaitingUpload", (await Api.ReadObject(response))["document"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_upload_request_with_the_same_idempotency_key_describes_one_document()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var key = Guid.NewGuid().ToString();
        var (first, _) = await Documents.RequestUpload(partner, caseId, "Receipt", "a.pdf", "application/pdf", 100, key);
        var (retry, _) = await Documents.RequestUpload(partner, caseId, "Receipt", "a.pdf", "application/pdf", 100, key);
        Assert.Equal(first, retry);
        using var list = await partner.GetAsync($"api/cases/{caseId}/documents");
        Assert.Single(await Api.ReadArray(list));
    }

    [Fact]
    public async Task A_foreign_partner_can_neither_upload_to_nor_read_a_case()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var documentId = await Documents.Upload(api.Partner(), caseId, "Receipt", "receipt.pdf", "application/pdf");
        using var read = await api.Partner("partner-ng-1").GetAsync($"api/cases/{caseId}/documents/{documentId}");
        await Api.AssertProblem(read, HttpStatusCode.NotFound, "not-found");
    }
}
