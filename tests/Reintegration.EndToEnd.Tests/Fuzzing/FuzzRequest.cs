using System.Net.Http.Headers;
using System.Text;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>An ETag header choice: left out, the target's current ETag (known only when sent), or a literal value.</summary>
internal sealed record ETagChoice(string? Literal, bool Current = false)
{
    public static readonly ETagChoice None = new((string?)null);
    public static readonly ETagChoice Right = new(null, Current: true);

    public string? Resolve(string? currentETag) => Current ? currentETag : Literal;

    public override string ToString() => Current ? "(the current ETag)" : Literal ?? "(none)";
}

/// <summary>One generated request, with the seed that generates it again.</summary>
internal sealed record FuzzRequest(
    FuzzRoute Route,
    IReadOnlyDictionary<string, string> Values,
    string Query,
    FuzzCaller Caller,
    ETagChoice IfMatch,
    ETagChoice IfNoneMatch,
    string? IdempotencyKey,
    FuzzBody Body)
{
    public string Seed { get; init; } = "";

    public string Url => Route.Path(Values) + Query;

    /// <summary>The resource a request under it acts on ("api/cases/{id}", "api/countries/{code}"), if the route has one.</summary>
    public string? Target
    {
        get
        {
            var segments = Route.Template.Split('/');
            return segments.Length >= 2 && segments[1].StartsWith('{') ? "api/" + segments[0] + "/" + Values[segments[1].Trim('{', '}')] : null;
        }
    }

    /// <summary>The id of the target, as in the route.</summary>
    public string? TargetId => Target?[(Target.LastIndexOf('/') + 1)..];

    public bool TargetIsCase => Route.Template.StartsWith("cases/{", StringComparison.Ordinal);

    public HttpRequestMessage ToMessage(string? authorization, string? currentETag, bool mayUseCurrentETag)
    {
        var message = new HttpRequestMessage(new HttpMethod(Route.Method), Url);
        if (authorization is not null) message.Headers.TryAddWithoutValidation("Authorization", authorization);
        // Demo reference data is never changed with its right ETag; the request goes without If-Match instead.
        var ifMatch = IfMatch.Current && !mayUseCurrentETag ? null : IfMatch.Resolve(currentETag);
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (IfNoneMatch.Resolve(currentETag) is { } ifNoneMatch) message.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (IdempotencyKey is not null) message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        if (Body.Bytes is not null)
        {
            message.Content = new ByteArrayContent(Body.Bytes);
            if (Body.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", Body.ContentType);
        }
        return message;
    }

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Route.Method).Append(' ').Append(Url.Length > 400 ? Url[..400] + "..." : Url).AppendLine()
            .Append("  caller: ").Append(Caller).Append("; If-Match: ").Append(Short(IfMatch.ToString()))
            .Append("; If-None-Match: ").Append(Short(IfNoneMatch.ToString()))
            .Append("; Idempotency-Key: ").Append(IdempotencyKey is null ? "(none)" : Short($"'{IdempotencyKey}'")).AppendLine()
            .Append("  ").Append(Body.ToString().Replace("\n", "\n  ", StringComparison.Ordinal)).AppendLine()
            .Append("  seed: ").Append(Seed);
        return text.ToString();
    }

    private static string Short(string text) => text.Length > 80 ? text[..80] + $"... ({text.Length} chars)" : text;
}
