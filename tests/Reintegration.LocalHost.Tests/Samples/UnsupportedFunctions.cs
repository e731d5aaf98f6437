using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Reintegration.LocalHost.Tests.Samples;

/// <summary>Shapes the local host must refuse, loudly. Never served: tests describe these methods one by one.</summary>
public sealed class UnsupportedFunctions
{
    [Function("UsesHttpRequestData")]
    public IActionResult UsesHttpRequestData([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) => new OkResult();

    [Function("UnknownParameter")]
    public IActionResult UnknownParameter([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{id}")] HttpRequest request, string notInRoute) => new OkResult();

    [Function("QueueWithOutput")]
    public string QueueWithOutput([QueueTrigger("in")] string message) => message;

    [Function("NoTrigger")]
    public void NoTrigger(string value)
    {
    }

    [Function("ReturnsPoco")]
    public Task<string> ReturnsPoco([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => Task.FromResult("x");

    [Function("StaticFunction")]
    public static IActionResult StaticFunction([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => new OkResult();

    [Function("WithOutputBinding")]
    [QueueOutput("out")]
    public void WithOutputBinding([TimerTrigger("0 0 * * * *")] TimerInfo timer)
    {
    }
}
