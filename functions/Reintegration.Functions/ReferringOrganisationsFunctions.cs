using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Functions;

/// <summary>The Dutch organisations that refer people; coordinators add them and deactivate them.</summary>
public sealed class ReferringOrganisationsFunctions(HttpEndpoint endpoint, RequestReader reader, ReferenceDataQueries referenceData,
    MaintainReferenceData maintain)
{
    [Function("ListReferringOrganisations")]
    [ApiOperation("The referring organisations.", Response = typeof(ReferringOrganisationView), Shape = Shape.List)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referring-organisations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ =>
            Responses.Ok((await referenceData.ReferringOrganisationsAsync(cancellationToken)).Select(ReferringOrganisationView.From).ToList()));

    [Function("GetReferringOrganisation")]
    [ApiOperation("One referring organisation, with its ETag.", Response = typeof(ReferringOrganisationView), Answer = Answer.Versioned)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referring-organisations/{organisationId}")] HttpRequest request,
        string organisationId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ =>
            Responses.Versioned(request, await referenceData.ReferringOrganisationAsync(RouteIds.ReferringOrganisation(organisationId), cancellationToken),
                ReferringOrganisationView.From));

    [Function("SetReferringOrganisation")]
    [ApiOperation("Adds, renames or deactivates a referring organisation.", Roles = [Role.Coordinator], Requests = [typeof(ReferringOrganisationRequest)], Response = typeof(ReferringOrganisationView), Answer = Answer.Saved, IfMatch = IfMatch.Optional, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> Set(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "referring-organisations/{organisationId}")] HttpRequest request,
        string organisationId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<ReferringOrganisationRequest>(request, cancellationToken);
            var saved = await maintain.SetReferringOrganisationAsync(caller, RouteIds.ReferringOrganisation(organisationId), body.Value, Preconditions.IfMatch(request),
                cancellationToken);
            return Responses.Saved(request, $"/api/referring-organisations/{organisationId}", saved, ReferringOrganisationView.From);
        });
}
