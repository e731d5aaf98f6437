using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Reintegration.Core;
using Reintegration.Core.Errors;

namespace Reintegration.Api.Http;

/// <summary>
/// Reads a JSON request body strictly (see <see cref="ProgrammeJson.CreateForRequests"/>): size-limited, JSON only,
/// no unknown or repeated fields, numbers as numbers, enums by exact name, every error named.
/// </summary>
public sealed class RequestReader(IOptions<ApiOptions> options)
{
    public Task<RequestBody<T>> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class =>
        ReadJsonAsync<T>(request, whenEmpty: null, cancellationToken);

    /// <summary>
    /// As <see cref="ReadJsonAsync{T}(HttpRequest, CancellationToken)"/>, but a request without a body (no bytes, and no
    /// content type or a JSON one) reads as <paramref name="whenEmpty"/>: an action that needs nothing needs no <c>{}</c>.
    /// Whatever it needs is still asked for by its validator, field by field.
    /// </summary>
    public async Task<RequestBody<T>> ReadJsonAsync<T>(HttpRequest request, Func<T>? whenEmpty, CancellationToken cancellationToken)
        where T : class
    {
        var contentType = request.ContentType;
        if (whenEmpty is null || contentType is not null)
        {
            if (contentType is null || !IsJson(contentType))
            {
                throw new UnsupportedMediaTypeException("Send the body as application/json.");
            }
        }
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }
        var raw = await ReadLimitedAsync(request.Body, limit, cancellationToken);
        if (whenEmpty is not null && raw.Length == 0)
        {
            return new RequestBody<T>(whenEmpty(), "");
        }
        if (contentType is null)
        {
            throw new UnsupportedMediaTypeException("Send the body as application/json.");
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(raw, ProgrammeJson.RequestOptions)
                ?? throw RequestValidationException.ForField("body", "A JSON object is required.");
            return new RequestBody<T>(value, raw);
        }
        catch (JsonException e) when (IsAboutAField(e))
        {
            throw RequestValidationException.ForField(FieldOf(e.Path), ReasonOf(e)!);
        }
        catch (JsonException e)
        {
            throw RequestValidationException.ForField("body",
                $"The body is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
    }

    private static async Task<string> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }
        if (read > limit)
        {
            throw TooLarge(limit);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, read);
        }
        catch (DecoderFallbackException)
        {
            throw RequestValidationException.ForField("body", "The body is not valid UTF-8.");
        }
    }

    private static RequestValidationException TooLarge(int limit) =>
        RequestValidationException.ForField("body", $"The body is larger than {limit} bytes.");

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"$.person.dateOfBirth" becomes "person.dateOfBirth"; the whole body is "body".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    // System.Text.Json tells these apart only by message: a value of the wrong type, a field the request does not
    // have, or a field sent twice.
    private static bool IsAboutAField(JsonException e) => ReasonOf(e) is not null;

    private static string? ReasonOf(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "This field is not part of the request."
        : e.Message.StartsWith("Duplicate property", StringComparison.Ordinal) ? "This field appears more than once."
        : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "The value has the wrong type or format."
        : null;
}

/// <summary>A parsed body with its raw text (for Idempotency-Key fingerprints).</summary>
public sealed record RequestBody<T>(T Value, string Raw);
