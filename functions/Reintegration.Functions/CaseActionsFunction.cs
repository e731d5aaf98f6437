using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Cases;
using Reintegration.Core.DataProtection;

namespace Reintegration.Functions;

/// <summary>
/// One endpoint per action name: the transitions (accept, reject, assign-partner, submit-plan, approve-plan, depart,
/// confirm-arrival, withdraw, close, reassign-partner, transfer) and the consent actions (withdraw-consent, give-consent).
/// </summary>
public sealed class CaseActionsFunction(HttpEndpoint endpoint, RequestReader reader, ChangeCase changeCase, CaseConsent consent)
{
    [Function("ActOnCase")]
    [ApiOperation("Takes an action on the case: a step of the journey or a change of consent.", Permission = ApiOperationAttribute.CaseActions, Requests = [typeof(CaseActionRequest), typeof(ConsentRequest)], Response = typeof(CaseView), Answer = Answer.Versioned, IfMatch = IfMatch.Required, Problems = [ProblemTypes.RuleViolation, ProblemTypes.InvalidTransition, ProblemTypes.FourEyes, ProblemTypes.Conflict])]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/actions/{action}")] HttpRequest request,
        string caseId, string action, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            if (ConsentActionNames.IsOne(action))
            {
                var said = await reader.ReadJsonAsync(request, () => new ConsentRequest(), cancellationToken);
                var recorded = action == ConsentActionNames.Withdraw
                    ? await consent.WithdrawAsync(caller, RouteIds.Case(caseId), Preconditions.IfMatch(request), said.Value, cancellationToken)
                    : await consent.GiveAsync(caller, RouteIds.Case(caseId), Preconditions.IfMatch(request), said.Value, cancellationToken);
                return Responses.Versioned(request, recorded, c => CaseView.For(caller, c));
            }
            var caseAction = CaseActionNames.Parse(action);
            // An action that needs nothing may come without a body; one that needs fields names them (400).
            var body = await reader.ReadJsonAsync(request, () => new CaseActionRequest(), cancellationToken);
            var changed = await changeCase.ActAsync(caller, RouteIds.Case(caseId), Preconditions.IfMatch(request), caseAction, body.Value, cancellationToken);
            return Responses.Versioned(request, changed, c => CaseView.For(caller, c));
        });
}
