using Reintegration.Core.Documents;

namespace Reintegration.Api.Representations;

/// <summary>A document's description; the blob name stays on the server.</summary>
public sealed record DocumentView(
    string Id, string CaseId, DocumentType Type, string FileName, string ContentType, long DeclaredSize, DocumentStatus Status,
    long? Size, string? Sha256, string? RejectionReason, string UploadedBy, string UploaderOrganisationId,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static DocumentView From(CaseDocument d) => new(d.Id, d.CaseId, d.Type, d.FileName, d.ContentType, d.DeclaredSize,
        d.Status, d.Size, d.Sha256, d.RejectionReason, d.UploadedBy, d.UploaderOrganisationId, d.CreatedAt, d.CompletedAt);

    public static string Location(CaseDocument d) => $"/api/cases/{d.CaseId}/documents/{d.Id}";
}

public sealed record UploadTicketView(DocumentView Document, Uri UploadUrl, DateTimeOffset ExpiresAt)
{
    public static UploadTicketView From(UploadTicket t) => new(DocumentView.From(t.Document.Value), t.UploadUrl, t.ExpiresAt);
}

public sealed record DownloadView(DocumentView Document, Uri? ReadUrl, DateTimeOffset? ExpiresAt)
{
    public static DownloadView From(DocumentDownload d) => new(DocumentView.From(d.Document.Value), d.ReadUrl, d.ExpiresAt);
}
