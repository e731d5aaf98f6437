using Microsoft.AspNetCore.Http;

namespace Reintegration.Api.Http;

public static class Preconditions
{
    /// <summary>The If-Match header as sent (an ETag is compared as an opaque quoted string).</summary>
    public static string? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
