using Microsoft.Extensions.Options;
using Reintegration.Core.Access;
using Reintegration.Core.Gate;
using Reintegration.Core.Time;

namespace Reintegration.Core.Reports;

/// <summary>A report for the caller: the figures of the cases in its scope (CasePermissions), filtered, suppressed.</summary>
public sealed class ProgrammeReports(ReportFigures figures, IOptions<ReportOptions> options)
{
    public async Task<FigureReport> ReportAsync(Caller caller, string name, ReportQuery query, CancellationToken cancellationToken)
    {
        if (!ReportCatalog.Exists(name))
        {
            throw new Errors.NotFoundException($"Report {name}");
        }
        var snapshot = await figures.CurrentAsync(cancellationToken);
        var scope = CasePermissions.ScopeOf(caller);
        var cases = snapshot.Cases
            .Where(c => CasePermissions.InScope(scope, c.ReferringOrganisationId, c.PartnerId, c.SharedWithPartner) && query.Matches(c))
            .ToList();
        var table = new TableBuilder(options.Value.SmallCellThreshold);
        var today = snapshot.State.ComputedAt == DateTimeOffset.MinValue
            ? query.From
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(snapshot.State.ComputedAt, ProgrammeClock.DefaultZone).DateTime);
        return new FigureReport
        {
            Report = name,
            Title = ReportCatalog.Titles[name],
            From = query.From,
            To = query.To,
            Filters = query.Filters,
            Scope = scope is CaseScope.AllCases ? "all cases" : $"the cases of {caller.OrganisationId}",
            ComputedAt = snapshot.State.ComputedAt,
            SmallCellsShownAs = table.SmallMarker,
            ProtectingCellsShownAs = TableBuilder.ProtectingMarker,
            Tables = ReportCatalog.Tables(name, cases, query, today, table),
        };
    }
}
