using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Core.Storage;

namespace Reintegration.Api.Http;

/// <summary>The success answers of the API, with ETag and Location where they belong.</summary>
public static class Responses
{
    public static IActionResult Ok(object body) => new JsonResponse(StatusCodes.Status200OK, body);

    /// <summary>
    /// 200 with the ETag, or, for a read, 304 when the client's If-None-Match already names this version. A change
    /// (POST, PUT) has happened by the time it answers, so it always answers 200 with the new version: a 304 would
    /// tell the client nothing changed (RFC 9110 13.1.2: only GET and HEAD answer 304).
    /// </summary>
    public static IActionResult Versioned<T>(HttpRequest request, Versioned<T> resource, Func<T, object> view)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (IsRead(request) && ifNoneMatch.Length > 0 && (ifNoneMatch.Trim() == "*" ||
            ifNoneMatch.Split(',').Select(t => t.Trim()).Contains(resource.ETag, StringComparer.Ordinal)))
        {
            return new JsonResponse(StatusCodes.Status304NotModified, null).WithHeader("ETag", resource.ETag);
        }
        return new JsonResponse(StatusCodes.Status200OK, view(resource.Value)).WithHeader("ETag", resource.ETag);
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    public static IActionResult Created<T>(string location, Versioned<T> resource, Func<T, object> view) =>
        new JsonResponse(StatusCodes.Status201Created, view(resource.Value))
            .WithHeader("Location", location)
            .WithHeader("ETag", resource.ETag);

    /// <summary>A PUT that creates (no If-Match: 201 with Location) or replaces (If-Match: 200).</summary>
    public static IActionResult Saved<T>(HttpRequest request, string location, Versioned<T> resource, Func<T, object> view) =>
        Preconditions.IfMatch(request) is null ? Created(location, resource, view) : Versioned(request, resource, view);

    public static IActionResult Page<T>(Page<Versioned<T>> page, Func<T, object> view) =>
        Ok(new PageView(page.Items.Select(i => view(i.Value)).ToList(), page.ContinuationToken));

    private sealed record PageView(IReadOnlyList<object> Items, string? ContinuationToken);
}
