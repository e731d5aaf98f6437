using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Search;
using Reintegration.Core.Validation;

namespace Reintegration.Api.Http;

/// <summary>
/// The person-finding part of a case listing: <c>name</c> (any order, accents forgiven) and <c>dateOfBirth</c>. For
/// caseworkers and coordinators; the values are personal data, so they are echoed nowhere, not even in a 400.
/// </summary>
public static class CaseSearchQuery
{
    public const string Refusal = "Finding people by name or date of birth is for caseworkers and coordinators.";

    public static (IReadOnlyList<string>? NameWords, DateOnly? DateOfBirth) Read(HttpRequest request, Caller caller)
    {
        var name = request.Query["name"].ToString();
        var born = request.Query["dateOfBirth"].ToString();
        if (name.Length == 0 && born.Length == 0)
        {
            return (null, null);
        }
        if (caller.Role is not (Role.Caseworker or Role.Coordinator))
        {
            throw new ForbiddenException(Refusal);
        }
        IReadOnlyList<string>? words = null;
        if (name.Length > 0)
        {
            words = PersonSearch.Words(name);
            if (name.Length > PersonSearch.MaxQueryLength || !PlainTextRule.IsPlainText(name) || words.Count is 0 or > PersonSearch.MaxWords)
            {
                throw RequestValidationException.ForField("name",
                    $"1 to {PersonSearch.MaxWords} names in at most {PersonSearch.MaxQueryLength} characters, in any order. {PlainTextRule.Message}");
            }
        }
        DateOnly? dateOfBirth = null;
        if (born.Length > 0)
        {
            dateOfBirth = DateOnly.TryParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day >= ProgrammeDates.EarliestBirth && day.Year < 10000
                ? day
                : throw RequestValidationException.ForField("dateOfBirth", $"A date as yyyy-MM-dd from {ProgrammeDates.EarliestBirth:yyyy-MM-dd}.");
        }
        return (words, dateOfBirth);
    }
}
