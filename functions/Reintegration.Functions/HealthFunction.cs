using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reintegration.Api.Http;

namespace Reintegration.Functions;

public sealed class HealthFunction(HttpEndpoint endpoint, HealthCheckService health)
{
    [Function("Health")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AnonymousAsync(request, async () => HealthAnswer.From(request, await health.CheckHealthAsync(cancellationToken)));
}
