using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Reintegration.Api.Http;

/// <summary>
/// The largest request line and headers the API takes. Checked by the app so the answer is the API's own
/// problem+json; the servers in front are given somewhat higher limits of their own (see docs/decisions/0011).
/// </summary>
public static class EdgeLimits
{
    /// <summary>Path and query as sent; room for a long continuation token in a list's query. Kestrel's default.</summary>
    public const int MaxRequestTargetLength = 8 * 1024;

    /// <summary>All header names and values together; a bearer token with its claims is a few kilobytes. Kestrel's default.</summary>
    public const int MaxHeadersTotalSize = 32 * 1024;

    /// <summary>Kestrel's default.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>The limits a server in front is given: higher, so that between the two the API answers, not the server.</summary>
    public const int ServerHeadroomFactor = 2;

    /// <summary>
    /// A Kestrel in front of the app (the local host's, the Functions worker's): no Server header, and limits above
    /// the app's, so that a request between the two gets the app's problem+json answer (Kestrel answers a bare 414
    /// or 431 itself, before any middleware runs).
    /// </summary>
    public static void ApplyTo(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestLineSize = MaxRequestTargetLength * ServerHeadroomFactor;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeadersTotalSize * ServerHeadroomFactor;
        kestrel.Limits.MaxRequestHeaderCount = MaxHeaderCount * ServerHeadroomFactor;
    }

    /// <summary>A 414 or 431 problem when the request is over a limit, otherwise null.</summary>
    public static Problem? Check(HttpRequest request)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? request.Path.Value + request.QueryString.Value;
        if (target.Length > MaxRequestTargetLength)
        {
            return ProblemMapping.UriTooLong(request, MaxRequestTargetLength);
        }
        var count = 0;
        var size = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                size += name.Length + (value?.Length ?? 0);
            }
        }
        return count > MaxHeaderCount || size > MaxHeadersTotalSize
            ? ProblemMapping.HeadersTooLarge(request, MaxHeaderCount, MaxHeadersTotalSize)
            : null;
    }
}
