using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reintegration.Api.Http;
using Reintegration.Api.Reports;
using Reintegration.Core.Reports;

namespace Reintegration.Functions;

/// <summary>The programme in figures (docs/reports.md): the projection job, and the reports read from it.</summary>
public sealed class ReportsFunctions(HttpEndpoint endpoint, ProgrammeReports reports, ReportFiguresJob job, ILogger<ReportsFunctions> logger)
{
    /// <summary>Every minute by default (app setting ReportFiguresSchedule): the figures are at most that far behind the cases.</summary>
    [Function("ReportFiguresJob")]
    public async Task RunReportFiguresJob([TimerTrigger("%ReportFiguresSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync(cancellationToken);
        logger.LogInformation("Report figures job updated {Cases} cases, version {Version}", run.CasesUpdated, run.Version);
    }

    [Function("GetReport")]
    [ApiOperation("A report of the programme in figures over a period, for the cases in the caller's scope, small cells suppressed: JSON for apps, CSV, a workbook or a page.",
        Response = typeof(FigureReport), MediaType = "application/json, text/csv, " + ReportFormats.XlsxType + ", text/html",
        Query = [QueryParameters.PeriodFrom, QueryParameters.PeriodTo, QueryParameters.Phase, QueryParameters.Country, QueryParameters.TargetGroup,
            QueryParameters.ReferringOrganisation, QueryParameters.Format])]
    public Task<IActionResult> Report(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{report}")] HttpRequest request,
        string report, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var format = ReportFormats.Of(request);
            var query = ReportRequest.Query(request);
            return ReportResponse.For(await reports.ReportAsync(caller, report, query, cancellationToken), format);
        });
}
