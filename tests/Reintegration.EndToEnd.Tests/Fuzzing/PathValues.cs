using CsCheck;
using Reintegration.Api.Http;
using Reintegration.Core.Cases;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>Route values by parameter name: real ids (found) mixed with hostile and unknown ones (not found, or refused).</summary>
internal sealed class PathValues(FuzzGround ground)
{
    /// <summary>Parameters the fuzzer can fill; a route with another parameter fails the coverage test.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "caseId", "action", "documentId", "checkpointId", "spendingId", "code", "partnerId", "phaseId", "organisationId", "path",
        "file",
        "report",
        "importId",
        "notificationId",
    };

    public Gen<string> For(string parameter) => Gens.Mostly(Valid(parameter), [.. HostileInputs.PathIds, .. Unknown(parameter)]);

    private IReadOnlyList<string> Valid(string parameter) => parameter switch
    {
        "caseId" => ground.CaseIds,
        "action" => [.. Enum.GetValues<CaseAction>().Where(a => a != CaseAction.DraftPlan).Select(CaseWorkflow.Name),
            ConsentActionNames.Withdraw, ConsentActionNames.Give],
        "documentId" => ground.DocumentIds,
        "checkpointId" => ["m1", "m3", "m6", "m12"],
        "spendingId" => ground.SpendingIds,
        "code" => ["GH", "TG", ground.CountryCode],
        "partnerId" => [.. ground.PartnerIds, "partner-wa-regional"],
        "phaseId" => ["phase-3", "phase-4", ground.PhaseId],
        "organisationId" => ["org-ref-demo", "org-coordination", ground.ReferringOrganisationId],
        // The docs page's files.
        "file" => ["swagger-ui-bundle.js", "swagger-ui.css", "docs.js"],
        "report" => [.. Reintegration.Core.Reports.ReportCatalog.Titles.Keys],
        "importId" => [ground.ImportId],
        // Well-formed ids: of no notification (404), or of one in another organisation's inbox (404 as well).
        "notificationId" => [Core.Ids.NotificationId.For("partner-gh-1", "fuzz").Value, .. ground.CaseIds],
        // The catch-all's rest of the path: routes that do not exist, or exist for other methods.
        "path" => ["no-such-route", "cases/x/y/z/w", "referrals/1", "countries/GH/partners", "admin", "api"],
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "No route values for this parameter."),
    };

    /// <summary>Well-formed but unknown, or of the wrong kind (an organisation where a partner is meant).</summary>
    private static IEnumerable<string> Unknown(string parameter) => parameter switch
    {
        "caseId" => ["00000000-0000-0000-0000-000000000000", "c-unknown"],
        "action" => ["Accept", "draft-plan", "ACCEPT", "accept%20", "assign_partner"],
        "documentId" => ["d-unknown"],
        "checkpointId" => ["m0", "m99", "M1"],
        "spendingId" => ["s-unknown"],
        "code" => ["gh", "G", "GHA", "Q1"],
        "partnerId" => ["org-ref-demo", "partner-unknown"],
        "phaseId" => ["phase-unknown"],
        "organisationId" => ["partner-gh-1", "org-unknown"],
        "file" => ["index.html", "..%2Fopenapi.json", "swagger-ui.js", "DOCS.JS"],
        "report" => ["Referrals", "report-unknown", "quarterly.html"],
        "importId" => ["00000000-0000-0000-0000-000000000000", "i-unknown"],
        "notificationId" => ["n-unknown", "00000000-0000-0000-0000-000000000000"],
        _ => [],
    };
}
