using System.Buffers.Text;
using System.Text.Json;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Sync;

namespace Reintegration.Api.Http;

/// <summary>
/// Delta tokens and the continuation tokens of case listings, opaque to clients: URL-safe Base64 of a small JSON
/// object. A delta token holds the store's stamp and the scope it was given for; one of another scope, another
/// shape or another version answers 400. The listing's continuation token carries the stamp of its first page, so
/// every page of one listing answers the same delta token.
/// </summary>
public static class DeltaTokens
{
    private const int Version = 1;
    private const string AllCases = "all";

    public static string For(Caller caller, long stamp) => Encode(new DeltaToken(Version, ScopeOf(caller), stamp));

    /// <summary>The stamp the token was given at, if it is a token this API gave to this caller's scope.</summary>
    public static long Read(Caller caller, string token, string field) =>
        Decode<DeltaToken>(token, field) is { V: Version, Scope: { } scope, Ts: >= 0 } delta && scope == ScopeOf(caller)
            ? delta.Ts
            : throw Invalid(field);

    public static string? Continue(string? storeToken, long stamp) =>
        storeToken is null ? null : Encode(new ListingContinuation(Version, storeToken, stamp));

    /// <summary>The store's continuation and the first page's stamp; nulls for a first page.</summary>
    public static (string? StoreToken, long? Stamp) ReadContinuation(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }
        return Decode<ListingContinuation>(token, "continuationToken") is { V: Version, C: { Length: > 0 } inner, Ts: >= 0 } c
            ? (inner, c.Ts)
            : throw Invalid("continuationToken");
    }

    private static string ScopeOf(Caller caller) => ScopeKeys.Of(CasePermissions.ScopeOf(caller)) ?? AllCases;

    private static string Encode<T>(T value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));

    private static T? Decode<T>(string token, string field) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw Invalid(field);
        }
    }

    private static RequestValidationException Invalid(string field) =>
        RequestValidationException.ForField(field, "Not a token this API gave out for this listing.");

    private sealed record DeltaToken(int V, string? Scope, long Ts);

    private sealed record ListingContinuation(int V, string? C, long Ts);
}
