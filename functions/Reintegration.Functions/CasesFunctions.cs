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

public sealed class CasesFunctions(HttpEndpoint endpoint, CaseQueries cases)
{
    [Function("GetCase")]
    [ApiOperation("One case as the caller's role sees it, with the actions the caller may take.", Permission = nameof(CasePermissions.View), Response = typeof(CaseView), Answer = Answer.Versioned)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Versioned(request, await cases.GetAsync(caller, RouteIds.Case(caseId), cancellationToken), c => CaseView.For(caller, c)));

    [Function("ListCases")]
    [ApiOperation("The cases in the caller's scope.", Permission = nameof(CasePermissions.List), Response = typeof(CaseView), Shape = Shape.Page, Query = [QueryParameters.Status, QueryParameters.Country])]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var filter = new CaseFilter(QueryReader.Enum<CaseStatus>(request, "status"), QueryReader.CountryCode(request, "country"));
            return Responses.Page(await cases.ListAsync(caller, filter, QueryReader.Page(request), cancellationToken), c => CaseView.For(caller, c));
        });
}
