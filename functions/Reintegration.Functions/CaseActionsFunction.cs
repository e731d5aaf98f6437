using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Cases;

namespace Reintegration.Functions;

/// <summary>One endpoint per transition name: accept, reject, assign-partner, submit-plan, approve-plan, depart, confirm-arrival, withdraw, close.</summary>
public sealed class CaseActionsFunction(HttpEndpoint endpoint, RequestReader reader, ChangeCase changeCase)
{
    [Function("ActOnCase")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/actions/{action}")] HttpRequest request,
        string caseId, string action, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var caseAction = CaseActionNames.Parse(action);
            var body = await reader.ReadJsonAsync<CaseActionRequest>(request, cancellationToken);
            var changed = await changeCase.ActAsync(caller, caseId, Preconditions.IfMatch(request), caseAction, body.Value, cancellationToken);
            return Responses.Versioned(request, changed, c => CaseView.For(caller, c));
        });
}
