using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.DataProtection;

namespace Reintegration.Functions;

/// <summary>Corrects the person's details (rectification); If-Match required.</summary>
public sealed class CasePersonFunction(HttpEndpoint endpoint, RequestReader reader, Rectification rectification)
{
    [Function("CorrectPerson")]
    [ApiOperation("Corrects the person's details.", Permission = nameof(CasePermissions.Rectify), Requests = [typeof(PersonCorrection)], Response = typeof(CaseView), Answer = Answer.Versioned, IfMatch = IfMatch.Required, Problems = [ProblemTypes.RuleViolation, ProblemTypes.InvalidTransition, ProblemTypes.Conflict])]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "cases/{caseId}/person")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<PersonCorrection>(request, cancellationToken);
            var corrected = await rectification.CorrectAsync(caller, RouteIds.Case(caseId), Preconditions.IfMatch(request), body.Value, cancellationToken);
            return Responses.Versioned(request, corrected, c => CaseView.For(caller, c));
        });
}
