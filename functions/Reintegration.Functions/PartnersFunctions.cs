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

/// <summary>The partner organisations and the countries they cover; coordinators add, change and deactivate them.</summary>
public sealed class PartnersFunctions(HttpEndpoint endpoint, RequestReader reader, ReferenceDataQueries referenceData, MaintainReferenceData maintain)
{
    [Function("ListPartners")]
    [ApiOperation("The partner organisations and the countries they cover.", Response = typeof(PartnerView), Shape = Shape.List)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "partners")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ =>
            Responses.Ok((await referenceData.PartnersAsync(cancellationToken)).Select(PartnerView.From).ToList()));

    [Function("GetPartner")]
    [ApiOperation("One partner organisation, with its ETag.", Response = typeof(PartnerView), Answer = Answer.Versioned)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "partners/{partnerId}")] HttpRequest request,
        string partnerId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ =>
            Responses.Versioned(request, await referenceData.PartnerAsync(RouteIds.Partner(partnerId), cancellationToken), PartnerView.From));

    [Function("SetPartner")]
    [ApiOperation("Adds, changes or deactivates a partner organisation.", Roles = [Role.Coordinator], Requests = [typeof(PartnerRequest)], Response = typeof(PartnerView), Answer = Answer.Saved, IfMatch = IfMatch.Optional, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> Set(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "partners/{partnerId}")] HttpRequest request,
        string partnerId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<PartnerRequest>(request, cancellationToken);
            var saved = await maintain.SetPartnerAsync(caller, RouteIds.Partner(partnerId), body.Value, Preconditions.IfMatch(request), cancellationToken);
            return Responses.Saved(request, $"/api/partners/{partnerId}", saved, PartnerView.From);
        });
}
