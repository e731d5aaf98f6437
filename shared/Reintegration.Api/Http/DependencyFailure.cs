using System.Net;
using Microsoft.Azure.Cosmos;

namespace Reintegration.Api.Http;

/// <summary>
/// Cosmos DB did not serve the request: it throttled it (429), was unavailable (503) or timed out (408), or the SDK
/// gave up while the caller was still waiting. Nothing is known to have changed, and trying again later is the remedy,
/// so the caller gets 503 with Retry-After rather than a 500 that says the server is broken.
/// </summary>
public static class DependencyFailure
{
    /// <summary>When Cosmos DB gives no time of its own.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>How long the caller should wait before trying again, or null when the exception is not such a failure.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        CosmosException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout } cosmos =>
            cosmos.RetryAfter is { } after && after > TimeSpan.Zero ? after : DefaultRetryAfter,
        CosmosOperationCanceledException => DefaultRetryAfter,
        _ => null,
    };
}
