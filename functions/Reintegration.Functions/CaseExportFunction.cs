using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Core.DataProtection;

namespace Reintegration.Functions;

/// <summary>Subject access and portability: everything held about the person of a case, for the data protection officer.</summary>
public sealed class CaseExportFunction(HttpEndpoint endpoint, SubjectAccess subjectAccess)
{
    [Function("ExportCase")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/export")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok(await subjectAccess.ExportAsync(caller, RouteIds.Case(caseId), cancellationToken)));
}
