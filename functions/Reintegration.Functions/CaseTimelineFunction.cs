using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Cases;

namespace Reintegration.Functions;

public sealed class CaseTimelineFunction(HttpEndpoint endpoint, CaseQueries cases)
{
    [Function("GetCaseTimeline")]
    [ApiOperation("What happened to the case, in order.", Permission = nameof(CasePermissions.ReadTimeline), Response = typeof(TimelineEntryView), Shape = Shape.List)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/timeline")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok(TimelineEntryView.For(caller, await cases.TimelineAsync(caller, RouteIds.Case(caseId), cancellationToken))));
}
