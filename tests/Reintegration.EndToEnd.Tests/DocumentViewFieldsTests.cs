using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>
/// Every JSON field each role receives for a document, in each answer that carries one. A field added to a
/// document answer fails here until someone decides who may see it.
/// </summary>
public sealed class DocumentViewFieldsTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private static readonly string[] StaffDocument =
    [
        "caseId", "completedAt", "contentType", "createdAt", "declaredSize", "fileName", "id", "rejectionReason", "sha256",
        "sharedWithPartner", "size", "status", "type", "uploadedBy", "uploaderOrganisationId",
    ];

    private static readonly string[] PartnerDocument =
    [
        "caseId", "completedAt", "contentType", "createdAt", "declaredSize", "fileName", "id", "rejectionReason", "sha256",
        "size", "status", "type", "uploadedByOwnOrganisation",
    ];

    private static readonly string[] Ticket = ["document", "expiresAt", "uploadUrl"];

    private static readonly string[] Download = ["document", "expiresAt", "readUrl"];

    [Theory]
    [InlineData("caseworker")]
    [InlineData("coordinator")]
    [InlineData("partner")]
    [InlineData("dpo")]
    public async Task Each_role_receives_exactly_its_listed_document_fields(string role)
    {
        var (caseId, _) = await api.CaseAt("Arrived");
        var documentId = await DocumentSharingTests.Upload(api.Partner(), caseId, "Receipt", sharedWithPartner: null);
        var client = role switch
        {
            "caseworker" => api.Caseworker(),
            "coordinator" => api.Coordinator(),
            "partner" => api.Partner(),
            _ => api.Dpo(),
        };
        var document = role == "partner" ? PartnerDocument : StaffDocument;

        using (var list = await client.GetAsync($"api/cases/{caseId}/documents"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.All(await Api.ReadArray(list), d => Assert.Equal(document, Fields(d!.AsObject())));
        }
        using (var read = await client.GetAsync($"api/cases/{caseId}/documents/{documentId}"))
        {
            var body = await Api.ReadObject(read);
            Assert.Equal(Download, Fields(body));
            Assert.Equal(document, Fields(body["document"]!.AsObject()));
        }

        using var requested = await client.PostAsync($"api/cases/{caseId}/documents", Api.JsonBody(
            new JsonObject { ["type"] = "Receipt", ["fileName"] = "r.pdf", ["contentType"] = "application/pdf", ["size"] = 100 }));
        if (role == "dpo")
        {
            // The DPO reads; it gets no upload ticket.
            await Api.AssertProblem(requested, HttpStatusCode.Forbidden, "forbidden");
            return;
        }
        var ticket = await Api.ReadObject(requested);
        Assert.Equal(Ticket, Fields(ticket));
        Assert.Equal(document, Fields(ticket["document"]!.AsObject()));
        using var completed = await Documents.Complete(client, caseId, documentId);
        Assert.Equal(document, Fields(await Api.ReadObject(completed)));
    }

    private static string[] Fields(JsonObject json) => json.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
}
