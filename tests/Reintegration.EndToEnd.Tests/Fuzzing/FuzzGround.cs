using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Real things for generated requests to hit, so both the found and the not-found paths run: cases at several points of
/// the journey (one of another referring organisation), a completed and a pending document, proven and pending spending,
/// and reference data of the fuzz run's own. Demo reference data is read, never changed (see <see cref="IsOwned"/>).
/// </summary>
internal sealed class FuzzGround
{
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<string> CaseIds { get; init; }
    public required IReadOnlyList<string> DocumentIds { get; init; }
    public required IReadOnlyList<string> SpendingIds { get; init; }
    public required string PartnerId { get; init; }
    public required string ReferringOrganisationId { get; init; }
    public required string PhaseId { get; init; }
    /// <summary>An import of an empty file.</summary>
    public required string ImportId { get; init; }

    /// <summary>A country code no one else uses, created suspended.</summary>
    public string CountryCode => "QZ";

    public IReadOnlyList<string> PartnerIds => ["partner-gh-1", PartnerId];

    /// <summary>
    /// Whether a generated request may change it with its right ETag. Demo reference data may not: a deactivated
    /// org-ref-demo or a suspended Ghana would shut the rest of the run out.
    /// </summary>
    public bool IsOwned(string pathValue) =>
        CaseIds.Contains(pathValue) || pathValue == CountryCode || pathValue == PartnerId || pathValue == ReferringOrganisationId || pathValue == PhaseId;

    public static async Task<FuzzGround> CreateAsync(LocalHostFixture host)
    {
        var api = new Api(host);
        var (referred, _) = await api.CaseAt("Referred");
        var (accepted, _) = await api.CaseAt("Accepted");
        var (planned, plannedETag) = await api.CaseAt("PartnerAssigned");
        await Api.DraftPlan(api.Caseworker(), planned, plannedETag, Api.Plan(1000m, 500m));
        var (approved, _) = await api.CaseAt("PlanApproved");
        var (monitored, _) = await api.CaseAt("Monitoring");
        var (foreign, _) = await api.CaseAt("Referred", organisation: "org-ref-other");

        var partner = api.Partner();
        var receipt = await Documents.Upload(partner, monitored, "Receipt", "receipt.pdf", "application/pdf");
        var (pendingUpload, _) = await Documents.RequestUpload(partner, monitored, "Receipt", "r.pdf", "application/pdf", 1000);
        var proven = await Spend(partner, monitored, Spending.Request("line-1", 100m, receipt));
        var pending = await Spend(partner, monitored, Spending.Request("line-2", 50m));

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var coordinator = api.Coordinator();
        await Put(coordinator, "api/countries/QZ", new JsonObject { ["name"] = "Fuzz land", ["active"] = false, ["suspensionReason"] = "Fuzzing only." });
        await Put(coordinator, $"api/partners/partner-fuzz-{suffix}",
            new JsonObject { ["name"] = "Fuzz partner", ["countries"] = new JsonArray("GH"), ["active"] = true });
        await Put(coordinator, $"api/referring-organisations/org-ref-fuzz-{suffix}", new JsonObject { ["name"] = "Fuzz referrer", ["active"] = true });
        await Put(coordinator, $"api/phases/phase-fuzz-{suffix}", new JsonObject
        {
            ["name"] = "Fuzz phase", ["startsOn"] = "9891-01-01", ["endsOn"] = "9891-06-30",
            ["budget"] = new JsonObject { ["cashContribution"] = 200, ["inKindPerAdult"] = 1500, ["inKindPerChild"] = 500, ["approvalCeiling"] = 4000 },
        });

        var importId = await new Imports(api).Start("\n");

        return new FuzzGround
        {
            ImportId = importId,
            Today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime),
            CaseIds = [referred, accepted, planned, approved, monitored, foreign],
            DocumentIds = [receipt, pendingUpload],
            SpendingIds = [proven, pending],
            PartnerId = $"partner-fuzz-{suffix}",
            ReferringOrganisationId = $"org-ref-fuzz-{suffix}",
            PhaseId = $"phase-fuzz-{suffix}",
        };
    }

    private static async Task<string> Spend(HttpClient partner, string caseId, JsonObject spending)
    {
        using var response = await partner.PostAsync($"api/cases/{caseId}/spending", Api.JsonBody(spending));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Api.ReadObject(response))["id"]!.GetValue<string>();
    }

    /// <summary>Creates it; one already there from an earlier run in this process is fine (428: it would need its ETag).</summary>
    private static async Task Put(HttpClient coordinator, string path, JsonObject body)
    {
        using var response = await coordinator.PutAsync(path, Api.JsonBody(body));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.PreconditionRequired,
            $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
