using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reintegration.Core;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;

namespace Reintegration.Api.Http;

/// <summary>Reads query-string parameters; a bad value is a 400 naming the parameter.</summary>
public static class QueryReader
{
    public static TEnum? Enum<TEnum>(HttpRequest request, string name) where TEnum : struct, System.Enum
    {
        var value = request.Query[name].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return EnumNames.TryParse<TEnum>(value, out var parsed, ignoreCase: true)
            ? parsed
            : throw RequestValidationException.ForField(name, EnumNames.OneOf<TEnum>());
    }

    public static string? CountryCode(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return value.Length == 2 && value.All(char.IsAsciiLetter)
            ? value.ToUpperInvariant()
            : throw RequestValidationException.ForField(name, "An ISO 3166-1 alpha-2 country code, such as GH.");
    }

    /// <summary>An ISO 8601 instant with its offset, e.g. 2026-11-30T08:00:00Z.</summary>
    public static DateTimeOffset? Instant(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return value.Length <= 40 && (value.EndsWith('Z') || value.Contains('+', StringComparison.Ordinal) || value.LastIndexOf('-') > 9)
            && DateTimeOffset.TryParseExact(value, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var parsed)
            ? parsed
            : throw RequestValidationException.ForField(name, "An instant with its offset, such as 2026-11-30T08:00:00Z.");
    }

    public static PageRequest Page(HttpRequest request)
    {
        var sizeText = request.Query["pageSize"].ToString();
        var size = PageRequest.DefaultSize;
        if (!string.IsNullOrEmpty(sizeText) && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > PageRequest.MaxSize))
        {
            throw RequestValidationException.ForField("pageSize", $"A whole number from 1 to {PageRequest.MaxSize}.");
        }
        var token = request.Query["continuationToken"].ToString();
        return new PageRequest(size, string.IsNullOrEmpty(token) ? null : token);
    }
}
