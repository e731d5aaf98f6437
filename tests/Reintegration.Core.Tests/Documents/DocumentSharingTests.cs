using Reintegration.Core.Access;
using Reintegration.Core.Documents;

namespace Reintegration.Core.Tests.Documents;

public sealed class DocumentSharingTests
{
    private static readonly Caller Caseworker = new("user-cw", Role.Caseworker, "org-ref-demo");
    private static readonly Caller Partner = new("user-p", Role.Partner, "partner-gh-1");

    private static CaseDocument Document(DocumentType type, string uploaderOrganisation, bool shared) => new()
    {
        Id = "document-1", CaseId = "case-1", Type = type, FileName = "scan.pdf", ContentType = FileSignatures.Pdf, DeclaredSize = 10,
        BlobName = "cases/case-1/document-1", UploadedBy = "user-x", UploaderOrganisationId = uploaderOrganisation,
        CreatedAt = DateTimeOffset.UnixEpoch, SharedWithPartner = shared,
    };

    [Theory]
    [InlineData(DocumentType.ConsentForm, false)]
    [InlineData(DocumentType.IdentityDocument, false)]
    [InlineData(DocumentType.Other, false)]
    [InlineData(DocumentType.Receipt, true)]
    [InlineData(DocumentType.MonitoringAttachment, true)]
    public void What_the_referring_side_uploads_is_shared_by_default_only_when_it_is_the_partners_work(DocumentType type, bool shared)
    {
        Assert.Equal(shared, DocumentSharing.SharedByDefault(type, Caseworker));
    }

    [Theory]
    [InlineData(DocumentType.ConsentForm)]
    [InlineData(DocumentType.IdentityDocument)]
    [InlineData(DocumentType.Other)]
    public void What_a_partner_uploads_is_shared_by_default(DocumentType type)
    {
        Assert.True(DocumentSharing.SharedByDefault(type, Partner));
    }

    [Fact]
    public void A_partner_sees_shared_documents_and_its_own_uploads_only()
    {
        Assert.False(DocumentSharing.MaySee(Partner, Document(DocumentType.IdentityDocument, "org-ref-demo", shared: false)));
        Assert.True(DocumentSharing.MaySee(Partner, Document(DocumentType.IdentityDocument, "org-ref-demo", shared: true)));
        Assert.True(DocumentSharing.MaySee(Partner, Document(DocumentType.IdentityDocument, "partner-gh-1", shared: false)));
        Assert.False(DocumentSharing.MaySee(Partner, Document(DocumentType.Receipt, "partner-other", shared: false)));
    }

    [Theory]
    [InlineData(Role.Caseworker)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Dpo)]
    public void Staff_see_documents_not_shared_with_the_partner(Role role)
    {
        Assert.True(DocumentSharing.MaySee(new Caller("user-s", role, "org-coordination"),
            Document(DocumentType.ConsentForm, "org-ref-demo", shared: false)));
    }

    [Theory]
    [InlineData(DocumentType.Receipt, FileSignatures.Pdf, "receipt-document-1.pdf")]
    [InlineData(DocumentType.ConsentForm, FileSignatures.Png, "consent-form-document-1.png")]
    [InlineData(DocumentType.IdentityDocument, FileSignatures.Jpeg, "identity-document-document-1.jpg")]
    [InlineData(DocumentType.MonitoringAttachment, FileSignatures.Pdf, "monitoring-attachment-document-1.pdf")]
    [InlineData(DocumentType.Other, FileSignatures.Pdf, "document-document-1.pdf")]
    public void The_download_name_is_the_type_and_id_never_the_uploaders_file_name(DocumentType type, string contentType, string expected)
    {
        var document = Document(type, "org-ref-demo", shared: false) with { FileName = "Ama Mensah passport.pdf", ContentType = contentType };

        Assert.Equal(expected, DownloadNames.For(document));
    }
}
