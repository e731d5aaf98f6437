using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Core;

namespace Reintegration.Api.Http;

/// <summary>
/// Writes a JSON body with the programme's serializer settings and the given headers. Written by
/// hand rather than through MVC formatters so the bytes are the same under the Functions host and
/// the local host.
/// </summary>
public sealed class JsonResponse(int statusCode, object? body, string contentType = "application/json") : IActionResult
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int StatusCode => statusCode;

    public object? Body => body;

    public JsonResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext);

    /// <summary>Writes the answer outside MVC (the hosts' own middleware answers this way too).</summary>
    public async Task WriteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }
        response.Headers.CacheControl = "no-store";
        SecurityHeaders.Apply(response.Headers);
        if (body is null)
        {
            return;
        }
        response.ContentType = $"{contentType}; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), ProgrammeJson.Options, httpContext.RequestAborted);
    }
}
