using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>A partner sees the documents its work needs: receipts, monitoring attachments, its own uploads, and what was shared with it.</summary>
public sealed class DocumentSharingTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    [Theory]
    [InlineData("ConsentForm")]
    [InlineData("IdentityDocument")]
    [InlineData("Other")]
    public async Task A_document_from_the_referring_side_is_hidden_from_the_partner_unless_shared(string type)
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var documentId = await Upload(api.Caseworker(), caseId, type, sharedWithPartner: null);
        var partner = api.Partner();

        using (var list = await partner.GetAsync($"api/cases/{caseId}/documents"))
        {
            Assert.DoesNotContain(await Api.ReadArray(list), d => d!["id"]!.GetValue<string>() == documentId);
        }
        using (var read = await partner.GetAsync($"api/cases/{caseId}/documents/{documentId}"))
        {
            await Api.AssertProblem(read, HttpStatusCode.NotFound, "not-found");
        }
        using (var complete = await Documents.Complete(partner, caseId, documentId))
        {
            await Api.AssertProblem(complete, HttpStatusCode.NotFound, "not-found");
        }
        foreach (var staff in new[] { api.Caseworker(), api.Coordinator(), api.Dpo() })
        {
            using var list = await staff.GetAsync($"api/cases/{caseId}/documents");
            var listed = Assert.Single(await Api.ReadArray(list), d => d!["id"]!.GetValue<string>() == documentId)!;
            Assert.False(listed["sharedWithPartner"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task An_identity_document_shared_with_the_partner_is_listed_and_readable_for_it()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var documentId = await Upload(api.Caseworker(), caseId, "IdentityDocument", sharedWithPartner: true);
        var partner = api.Partner();

        using var list = await partner.GetAsync($"api/cases/{caseId}/documents");
        var listed = Assert.Single(await Api.ReadArray(list), d => d!["id"]!.GetValue<string>() == documentId)!;
        Assert.False(listed["uploadedByOwnOrganisation"]!.GetValue<bool>());
        using var read = await partner.GetAsync($"api/cases/{caseId}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var download = await Documents.Get(new Uri((await Api.ReadObject(read))["readUrl"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task A_receipt_is_shared_by_default_and_hidden_when_its_uploader_says_so()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var receipt = await Upload(api.Caseworker(), caseId, "Receipt", sharedWithPartner: null);
        var hiddenReceipt = await Upload(api.Caseworker(), caseId, "Receipt", sharedWithPartner: false);

        using var list = await api.Partner().GetAsync($"api/cases/{caseId}/documents");
        var ids = (await Api.ReadArray(list)).Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(receipt, ids);
        Assert.DoesNotContain(hiddenReceipt, ids);
    }

    [Fact]
    public async Task What_the_partner_uploads_itself_it_always_sees_and_its_view_names_no_uploader()
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var partner = api.Partner();
        var documentId = await Upload(partner, caseId, "IdentityDocument", sharedWithPartner: false);

        using var read = await partner.GetAsync($"api/cases/{caseId}/documents/{documentId}");
        var document = (await Api.ReadObject(read))["document"]!.AsObject();
        Assert.True(document["uploadedByOwnOrganisation"]!.GetValue<bool>());
        Assert.False(document.ContainsKey("uploadedBy"));
        Assert.False(document.ContainsKey("uploaderOrganisationId"));
        Assert.False(document.ContainsKey("sharedWithPartner"));
    }

    /// <summary>Asks for an upload URL (with or without a sharing choice), uploads a real PDF and completes it.</summary>
    internal static async Task<string> Upload(HttpClient client, string caseId, string type, bool? sharedWithPartner)
    {
        var bytes = Documents.File("receipt.pdf");
        var body = new JsonObject { ["type"] = type, ["fileName"] = "scan.pdf", ["contentType"] = "application/pdf", ["size"] = bytes.Length };
        if (sharedWithPartner is not null) body["sharedWithPartner"] = sharedWithPartner.Value;
        using var requested = await client.PostAsync($"api/cases/{caseId}/documents", Api.JsonBody(body));
        Assert.True(requested.StatusCode == HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var ticket = await Api.ReadObject(requested);
        var documentId = ticket["document"]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, await Documents.Put(new Uri(ticket["uploadUrl"]!.GetValue<string>()), bytes, "application/pdf"));
        using var completed = await Documents.Complete(client, caseId, documentId);
        Assert.True(completed.StatusCode == HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        return documentId;
    }
}
