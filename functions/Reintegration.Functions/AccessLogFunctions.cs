using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Core.AccessLog;

namespace Reintegration.Functions;

/// <summary>The access log, for the data protection officer: per case, or across cases. Newest first, paged.</summary>
public sealed class AccessLogFunctions(HttpEndpoint endpoint, AccessLogQueries accessLog)
{
    [Function("GetCaseAccessLog")]
    [ApiOperation("Who read or changed the case, newest first.", Permission = nameof(CasePermissions.ReadAccessLog), Response = typeof(AccessRecord), Shape = Shape.Page)]
    public Task<IActionResult> OfCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/access-log")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok(await accessLog.OfCaseAsync(caller, RouteIds.Case(caseId), QueryReader.Page(request), cancellationToken)));

    [Function("SearchAccessLog")]
    [ApiOperation("Who read or changed what, across cases, newest first.", Roles = [Role.Dpo], Response = typeof(AccessRecord), Shape = Shape.Page, Query = [QueryParameters.ActorId, QueryParameters.OrganisationId, QueryParameters.From, QueryParameters.To])]
    public Task<IActionResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "access-log")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var filter = new AccessLogFilter(AccessLogQuery.ActorId(request), AccessLogQuery.OrganisationId(request),
                AccessLogQuery.Moment(request, "from"), AccessLogQuery.Moment(request, "to"));
            return Responses.Ok(await accessLog.SearchAsync(caller, filter, QueryReader.Page(request), cancellationToken));
        });
}
