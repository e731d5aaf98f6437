using Reintegration.Core.Referrals;

namespace Reintegration.Core.Reports;

/// <summary>The period (both days included) and the optional filters of a report, parsed at the edge.</summary>
public sealed record ReportQuery(DateOnly From, DateOnly To)
{
    public string? PhaseId { get; init; }
    public string? Country { get; init; }
    public TargetGroup? TargetGroup { get; init; }
    public string? ReferringOrganisationId { get; init; }

    public bool InPeriod(DateOnly day) => day >= From && day <= To;

    public bool Matches(CaseFigures f) =>
        (PhaseId is null || f.PhaseId == PhaseId)
        && (Country is null || f.Country == Country)
        && (TargetGroup is null || f.TargetGroup == TargetGroup)
        && (ReferringOrganisationId is null || f.ReferringOrganisationId == ReferringOrganisationId);

    /// <summary>The filters as named in the query string, for every sheet of an export.</summary>
    public IReadOnlyList<ReportFilter> Filters =>
    [
        .. PhaseId is null ? Array.Empty<ReportFilter>() : [new ReportFilter("phase", PhaseId)],
        .. Country is null ? Array.Empty<ReportFilter>() : [new ReportFilter("country", Country)],
        .. TargetGroup is null ? Array.Empty<ReportFilter>() : [new ReportFilter("targetGroup", TargetGroup.Value.ToString())],
        .. ReferringOrganisationId is null ? Array.Empty<ReportFilter>() : [new ReportFilter("referringOrganisation", ReferringOrganisationId)],
    ];
}

public sealed record ReportFilter(string Name, string Value);
