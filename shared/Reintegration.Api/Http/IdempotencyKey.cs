using Microsoft.AspNetCore.Http;

namespace Reintegration.Api.Http;

public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public static string? From(HttpRequest request) =>
        request.Headers.TryGetValue(Header, out var values) ? values.ToString() : null;
}
