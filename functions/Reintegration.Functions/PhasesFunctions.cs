using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Functions;

/// <summary>The programme's phases with their budget policy and monitoring schedule; coordinators add and change them.</summary>
public sealed class PhasesFunctions(HttpEndpoint endpoint, RequestReader reader, ReferenceDataQueries referenceData, MaintainReferenceData maintain)
{
    [Function("ListPhases")]
    [ApiOperation("The programme's phases with their budget policy and monitoring schedule.", Response = typeof(ProgrammePhase), Shape = Shape.List)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "phases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ => Responses.Ok(await referenceData.PhasesAsync(cancellationToken)));

    [Function("GetPhase")]
    [ApiOperation("One programme phase, with its ETag.", Response = typeof(ProgrammePhase), Answer = Answer.Versioned)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "phases/{phaseId}")] HttpRequest request,
        string phaseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ => Responses.Versioned(request, await referenceData.PhaseAsync(RouteIds.Phase(phaseId), cancellationToken), p => p));

    [Function("SetPhase")]
    [ApiOperation("Adds or changes a programme phase (phases never overlap).", Roles = [Role.Coordinator], Requests = [typeof(PhaseRequest)], Response = typeof(ProgrammePhase), Answer = Answer.Saved, IfMatch = IfMatch.Optional, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> Set(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "phases/{phaseId}")] HttpRequest request,
        string phaseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<PhaseRequest>(request, cancellationToken);
            var saved = await maintain.SetPhaseAsync(caller, RouteIds.Phase(phaseId), body.Value, Preconditions.IfMatch(request), cancellationToken);
            return Responses.Saved(request, $"/api/phases/{phaseId}", saved, p => p);
        });
}
