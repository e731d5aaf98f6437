using Microsoft.Extensions.Options;

namespace Reintegration.Azure.Cosmos;

/// <summary>
/// HTTP needs quoted entity tags. Cosmos DB sends them quoted; the local stand-in sends bare ones
/// and compares If-Match literally. Every tag passes through here on its way out, which also
/// records the account's style, so the tag goes back to the store in the form it came.
/// </summary>
public sealed class CosmosETags(IOptions<CosmosOptions> options)
{
    // Until the first tag is seen, assume the stand-in's style where the stand-in is configured.
    private volatile bool bare = options.Value.AcceptLocalCertificate;

    public string ToHttp(string stored)
    {
        var isBare = !stored.StartsWith('"');
        bare = isBare;
        return isBare ? $"\"{stored}\"" : stored;
    }

    public string ToStore(string http) => bare && http.Length >= 2 && http.StartsWith('"') && http.EndsWith('"') ? http[1..^1] : http;
}
