using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Tasks;

namespace Reintegration.Functions;

public sealed class TasksFunction(HttpEndpoint endpoint, TaskList tasks)
{
    [Function("ListTasks")]
    [ApiOperation("The caller's open work, oldest first.", Response = typeof(TaskView), Shape = Shape.List)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tasks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok(TaskView.For(caller, await tasks.ForAsync(caller, cancellationToken))));
}
