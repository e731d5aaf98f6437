using Reintegration.Core.Ids;

namespace Reintegration.Api.Http;

/// <summary>
/// Ids in routes, parsed once: one of the wrong shape answers 404, exactly as an unknown one does, and never reaches
/// a store. The route value is taken as the host decoded it, once; nothing here decodes again.
/// </summary>
public static class RouteIds
{
    public static CaseId Case(string caseId) => IdParsing.Route(caseId, "Case", CaseId.TryFrom);

    public static DocumentId Document(string documentId) => IdParsing.Route(documentId, "Document", DocumentId.TryFrom);

    public static SpendingId Spending(string spendingId) => IdParsing.Route(spendingId, "Spending", SpendingId.TryFrom);

    public static CheckpointId Checkpoint(string checkpointId) => IdParsing.Route(checkpointId, "Checkpoint", CheckpointId.TryFrom);

    public static CountryCode Country(string code) => IdParsing.Route(code, "Country", CountryCode.TryFrom);

    public static OrganisationId Partner(string partnerId) => IdParsing.Route(partnerId, "Partner", OrganisationId.TryFrom);

    public static OrganisationId ReferringOrganisation(string organisationId) =>
        IdParsing.Route(organisationId, "Referring organisation", OrganisationId.TryFrom);

    public static ImportId Import(string importId) => IdParsing.Route(importId, "Import", ImportId.TryFrom);
    public static NotificationId Notification(string notificationId) => IdParsing.Route(notificationId, "Notification", NotificationId.TryFrom);

    public static PhaseId Phase(string phaseId) => IdParsing.Route(phaseId, "Phase", PhaseId.TryFrom);
}
