using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.LocalHost.Tests.Samples;

public sealed record ItemView(Guid ItemId, string DisplayName, string Method);

/// <summary>HTTP functions written to the app's conventions, to test the local host's dispatch.</summary>
public sealed class SampleHttpFunctions(InvocationRecorder recorder)
{
    [Function("SampleGetItem")]
    public Task<IActionResult> GetItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "samples/items/{itemId:guid}")] HttpRequest request,
        Guid itemId,
        CancellationToken cancellationToken)
    {
        recorder.Record("SampleGetItem", itemId);
        return Task.FromResult<IActionResult>(new OkObjectResult(new ItemView(itemId, "Item", request.Method)));
    }

    [Function("SampleNested")]
    public IActionResult Nested(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "samples/groups/{groupId}/members/{memberNumber:int}")] HttpRequest request,
        string groupId,
        int memberNumber) =>
        new OkObjectResult(new { groupId, memberNumber });

    /// <summary>No Route: served at the function's name, as in Azure Functions.</summary>
    [Function("SampleDefaultRoute")]
    public IActionResult DefaultRoute([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) =>
        new OkObjectResult("default");

    [Function("SampleProblem")]
    public IActionResult Problem([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "samples/problem")] HttpRequest request) =>
        new ObjectResult(new ProblemDetails { Title = "Not allowed here", Status = 409, Detail = "Sample conflict" }) { StatusCode = 409 };

    [Function("SampleResult")]
    public async Task<IResult> ResultFunction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "samples/echo")] HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return Results.Json(new { length = body.Length, maxRequestBodySize = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize });
    }

    [Function("SampleContext")]
    public IActionResult Context([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "samples/context")] HttpRequest request, FunctionContext context) =>
        new OkObjectResult(new
        {
            functionName = context.FunctionDefinition.Name,
            hasHttpContext = ReferenceEquals(context.GetHttpContext(), request.HttpContext),
            hasServices = context.InstanceServices.GetService(typeof(InvocationRecorder)) is not null,
        });

    [Function("SampleThrows")]
    public IActionResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "samples/throws")] HttpRequest request) =>
        throw new InvalidOperationException("sample failure");

    [Function("SampleValueTask")]
    public ValueTask<IActionResult> ValueTaskFunction([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "samples/items/{itemId:guid}")] HttpRequest request) =>
        ValueTask.FromResult<IActionResult>(new NoContentResult());
}
