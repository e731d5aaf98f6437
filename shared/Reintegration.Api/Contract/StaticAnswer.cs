using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Api.Http;

namespace Reintegration.Api.Contract;

/// <summary>
/// A public answer that changes only with the app (the OpenAPI document, the docs page's files): cacheable for a
/// short while, with an ETag, 304 to an If-None-Match that names it. Never used for anything about a case.
/// </summary>
public sealed class StaticAnswer(byte[] body, string contentType, string etag, string? contentSecurityPolicy = null) : IActionResult
{
    public const string CacheControl = "public, max-age=300";

    public static StaticAnswer Of(HttpRequest request, byte[] body, string contentType, string etag, string? contentSecurityPolicy = null) =>
        new(body, contentType, etag, contentSecurityPolicy);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        if (contentSecurityPolicy is not null)
        {
            response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        }
        SecurityHeaders.Apply(response.Headers);
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Select(t => t.Trim()).Contains(etag, StringComparer.Ordinal))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
    }
}
