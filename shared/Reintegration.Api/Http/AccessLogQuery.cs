using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reintegration.Core.DataProtection;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Api.Http;

/// <summary>The access log's query parameters; each bad value is a 400 naming it.</summary>
public static class AccessLogQuery
{
    public const int MaxActorIdLength = 200;

    public static string? ActorId(HttpRequest request)
    {
        var value = request.Query["actorId"].ToString();
        if (value.Length == 0)
        {
            return null;
        }
        return value.Length <= MaxActorIdLength && PlainText.IsPlain(value)
            ? value
            : throw RequestValidationException.ForField("actorId", $"A user id of at most {MaxActorIdLength} printable characters.");
    }

    public static OrganisationId? OrganisationId(HttpRequest request)
    {
        var value = request.Query["organisationId"].ToString();
        return value.Length == 0 ? null : IdParsing.Field(value, "organisationId", ReferenceIds.Rule, Core.Ids.OrganisationId.TryFrom);
    }

    /// <summary>An ISO 8601 moment with its offset, such as 2026-11-30T09:00:00Z.</summary>
    public static DateTimeOffset? Moment(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }
        return DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment
            : throw RequestValidationException.ForField(name, "An ISO 8601 date or moment, such as 2026-11-30 or 2026-11-30T09:00:00Z.");
    }
}
