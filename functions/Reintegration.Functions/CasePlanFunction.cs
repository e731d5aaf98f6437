using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Cases;
using Reintegration.Core.Plans;

namespace Reintegration.Functions;

public sealed class CasePlanFunction(HttpEndpoint endpoint, RequestReader reader, ChangeCase changeCase)
{
    /// <summary>Drafts the reintegration plan (or a revision of the approved one).</summary>
    [Function("DraftPlan")]
    [ApiOperation("Drafts the reintegration plan, or a revision of the approved one.", Permission = nameof(CaseAction.DraftPlan), Requests = [typeof(PlanRequest)], Response = typeof(CaseView), Answer = Answer.Versioned, IfMatch = IfMatch.Required, Problems = [ProblemTypes.RuleViolation, ProblemTypes.InvalidTransition, ProblemTypes.Conflict])]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "cases/{caseId}/plan")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<PlanRequest>(request, cancellationToken);
            var changed = await changeCase.DraftPlanAsync(caller, RouteIds.Case(caseId), Preconditions.IfMatch(request), body.Value, cancellationToken);
            return Responses.Versioned(request, changed, c => CaseView.For(caller, c));
        });
}
