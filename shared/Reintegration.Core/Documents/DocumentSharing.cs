using Reintegration.Core.Access;

namespace Reintegration.Core.Documents;

/// <summary>
/// Which documents the case's partner sees: what its work needs. Receipts and monitoring attachments
/// are its work; what it uploads itself stays its own. A consent form, an identity document or any
/// other file from the referring side is shared only when its uploader says so.
/// </summary>
public static class DocumentSharing
{
    public static bool SharedByDefault(DocumentType type, Caller uploader) =>
        uploader.Role == Role.Partner || type is DocumentType.Receipt or DocumentType.MonitoringAttachment;

    /// <summary>Staff roles see every document of a case they can see; a partner only the shared ones and its own.</summary>
    public static bool MaySee(Caller caller, CaseDocument document) =>
        caller.Role != Role.Partner || document.SharedWithPartner || document.UploaderOrganisationId == caller.OrganisationId;
}
