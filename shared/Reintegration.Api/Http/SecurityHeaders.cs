using Microsoft.AspNetCore.Http;

namespace Reintegration.Api.Http;

/// <summary>
/// Headers every answer carries, under both hosts, errors and 304s included. The API answers JSON only, so a
/// browser must never sniff it into something runnable, frame it, or send its address on as a referrer.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The docs page's own (GET /api/docs): its scripts, styles and the document from this app only; Swagger UI sets
    /// inline styles and data: images. The only policy an answer may carry instead of <see cref="ContentSecurityPolicy"/>.
    /// </summary>
    public const string DocsPagePolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void Apply(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        if (headers.ContentSecurityPolicy != DocsPagePolicy)
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        // Names the server software for whoever scans for it; Kestrel's own is also turned off where the app can.
        headers.Remove("Server");
    }
}
