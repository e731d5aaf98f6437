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
