using Reintegration.Core.Access;
using Reintegration.Core.Documents;

namespace Reintegration.Api.Representations;

/// <summary>
/// A document's description, listed field by field for each role: a field added to
/// <see cref="CaseDocument"/> is shown to nobody until it is added here. Blob names stay on the server.
/// Staff (caseworker, coordinator, DPO) see who uploaded it and whether the partner may see it.
/// </summary>
public sealed record DocumentView(
    string Id, string CaseId, DocumentType Type, string FileName, string ContentType, long DeclaredSize, DocumentStatus Status,
    long? Size, string? Sha256, string? RejectionReason, string UploadedBy, string UploaderOrganisationId, bool SharedWithPartner,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    /// <summary>The view for the caller's role.</summary>
    public static object For(Caller caller, CaseDocument d) => caller.Role switch
    {
        Role.Caseworker or Role.Coordinator or Role.Dpo => new DocumentView(d.Id, d.CaseId, d.Type, d.FileName, d.ContentType,
            d.DeclaredSize, d.Status, d.Size, d.Sha256, d.RejectionReason, d.UploadedBy, d.UploaderOrganisationId, d.SharedWithPartner,
            d.CreatedAt, d.CompletedAt),
        Role.Partner => PartnerDocumentView.From(caller, d),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller.Role, "A role without a document view."),
    };

    public static Func<CaseDocument, object> For(Caller caller) => d => For(caller, d);

    public static string Location(CaseDocument d) => $"/api/cases/{d.CaseId}/documents/{d.Id}";
}

/// <summary>
/// What a partner sees of a document: not who uploaded it nor which organisation referred the person,
/// only whether the file came from its own organisation.
/// </summary>
public sealed record PartnerDocumentView(
    string Id, string CaseId, DocumentType Type, string FileName, string ContentType, long DeclaredSize, DocumentStatus Status,
    long? Size, string? Sha256, string? RejectionReason, bool UploadedByOwnOrganisation, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static PartnerDocumentView From(Caller caller, CaseDocument d) => new(d.Id, d.CaseId, d.Type, d.FileName, d.ContentType,
        d.DeclaredSize, d.Status, d.Size, d.Sha256, d.RejectionReason, d.UploaderOrganisationId == caller.OrganisationId, d.CreatedAt,
        d.CompletedAt);
}

/// <summary>The upload URL with the document as staff see it; a partner gets <see cref="PartnerUploadTicketView"/>.</summary>
public sealed record UploadTicketView(DocumentView Document, Uri UploadUrl, DateTimeOffset ExpiresAt)
{
    public static object From(Caller caller, UploadTicket t) => DocumentView.For(caller, t.Document.Value) switch
    {
        DocumentView staff => new UploadTicketView(staff, t.UploadUrl, t.ExpiresAt),
        PartnerDocumentView partner => new PartnerUploadTicketView(partner, t.UploadUrl, t.ExpiresAt),
        var other => throw new InvalidOperationException($"No upload ticket view holds a {other.GetType().Name}."),
    };
}

public sealed record PartnerUploadTicketView(PartnerDocumentView Document, Uri UploadUrl, DateTimeOffset ExpiresAt);

/// <summary>A document with its read URL as staff see it; a partner gets <see cref="PartnerDownloadView"/>.</summary>
public sealed record DownloadView(DocumentView Document, Uri? ReadUrl, DateTimeOffset? ExpiresAt)
{
    public static object From(Caller caller, DocumentDownload d) => DocumentView.For(caller, d.Document.Value) switch
    {
        DocumentView staff => new DownloadView(staff, d.ReadUrl, d.ExpiresAt),
        PartnerDocumentView partner => new PartnerDownloadView(partner, d.ReadUrl, d.ExpiresAt),
        var other => throw new InvalidOperationException($"No download view holds a {other.GetType().Name}."),
    };
}

public sealed record PartnerDownloadView(PartnerDocumentView Document, Uri? ReadUrl, DateTimeOffset? ExpiresAt);
