using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
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
    [ApiOperation("Everything held about the person of the case, with short-lived download links.", Permission = nameof(CasePermissions.Export), Response = typeof(SubjectAccessExport))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/export")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok(await subjectAccess.ExportAsync(caller, RouteIds.Case(caseId), cancellationToken)));
}
