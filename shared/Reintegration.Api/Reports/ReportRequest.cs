using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reintegration.Api.Http;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Referrals;
using Reintegration.Core.Reports;

namespace Reintegration.Api.Reports;

/// <summary>Reads a report's query string: the period (required), the filters and the format; a bad one is a 400 naming it.</summary>
public static class ReportRequest
{
    /// <summary>Ten years: longer than the programme has run, short enough that the month rows stay few.</summary>
    private const int LongestPeriodDays = 3660;

    private static readonly string[] Known = ["from", "to", "phase", "country", "targetGroup", "referringOrganisation", "format"];

    public static ReportQuery Query(HttpRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var key in request.Query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            errors[Field(key)] = [$"Not a parameter of reports; they are {string.Join(", ", Known)}."];
        }
        var from = Day(request, "from", errors);
        var to = Day(request, "to", errors);
        if (from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber > LongestPeriodDays))
        {
            errors["to"] = [$"On or after 'from', and at most {LongestPeriodDays} days after it."];
        }
        var phase = Id<PhaseId>(request, "phase", PhaseId.TryFrom, errors);
        var country = Id<CountryCode>(request, "country", CountryCode.TryFrom, errors);
        var organisation = Id<OrganisationId>(request, "referringOrganisation", OrganisationId.TryFrom, errors);
        TargetGroup? group = null;
        try
        {
            group = QueryReader.Enum<TargetGroup>(request, "targetGroup");
        }
        catch (RequestValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                errors[field] = messages;
            }
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        return new ReportQuery(from!.Value, to!.Value)
        {
            PhaseId = phase?.Value,
            Country = country?.Value,
            TargetGroup = group,
            ReferringOrganisationId = organisation?.Value,
        };
    }

    /// <summary>A parameter name as the caller sent it may be anything: only a plain one is echoed back.</summary>
    private static string Field(string key) =>
        key.Length <= 40 && key.All(char.IsAsciiLetterOrDigit) ? key : "query";

    private static DateOnly? Day(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 2000 and <= 2100)
        {
            return day;
        }
        errors[name] = [text.Length == 0 ? "Required: a day as yyyy-MM-dd." : "A day as yyyy-MM-dd, from 2000 to 2100."];
        return null;
    }

    private static T? Id<T>(HttpRequest request, string name, Func<string, Vogen.ValueObjectOrError<T>> parse,
        Dictionary<string, string[]> errors) where T : struct
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (parse(text) is { IsSuccess: true } parsed)
        {
            return parsed.ValueObject;
        }
        errors[name] = [$"Not the shape of a {name} id."];
        return null;
    }
}
