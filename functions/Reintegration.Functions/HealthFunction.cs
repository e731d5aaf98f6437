using Reintegration.Api.Representations;
using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reintegration.Api.Http;

namespace Reintegration.Functions;

public sealed class HealthFunction(HttpEndpoint endpoint, HealthCheckService health)
{
    [Function("Health")]
    [ApiOperation("Whether the app and each dependency answer.", Anonymous = true, Response = typeof(HealthView), Problems = [ProblemTypes.DependencyUnavailable])]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AnonymousAsync(request, async () => HealthAnswer.From(request, await health.CheckHealthAsync(cancellationToken)));
}
