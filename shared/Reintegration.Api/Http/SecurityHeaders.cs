using Microsoft.AspNetCore.Http;

namespace Reintegration.Api.Http;

/// <summary>
/// Headers every answer carries, under both hosts, errors and 304s included. The API answers JSON only, so a
/// browser must never sniff it into something runnable, frame it, or send its address on as a referrer.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static void Apply(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        // Names the server software for whoever scans for it; Kestrel's own is also turned off where the app can.
        headers.Remove("Server");
    }
}
