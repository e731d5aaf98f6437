using Microsoft.AspNetCore.Http;
using Reintegration.Api.Http;

namespace Reintegration.Api.Contract;

/// <summary>Every problem type with the status it is answered with and what it means; a test keeps it equal to <see cref="ProblemTypes"/>.</summary>
public static class ProblemCatalog
{
    public sealed record Entry(string Type, int Status, string Meaning);

    public static readonly IReadOnlyList<Entry> All =
    [
        new(ProblemTypes.ValidationFailed, StatusCodes.Status400BadRequest, "A field, query parameter or route value is not valid; `errors` names each."),
        new(ProblemTypes.MalformedRequest, StatusCodes.Status400BadRequest, "The request is not well-formed HTTP; nothing was done."),
        new(ProblemTypes.Unauthenticated, StatusCodes.Status401Unauthorized, "No valid bearer token."),
        new(ProblemTypes.Forbidden, StatusCodes.Status403Forbidden, "The caller's role or organisation may not do this."),
        new(ProblemTypes.FourEyes, StatusCodes.Status403Forbidden, "Someone else must do this (the plan's drafter or submitter may not approve it)."),
        new(ProblemTypes.NotFound, StatusCodes.Status404NotFound, "No such resource for this caller, or no such route."),
        new(ProblemTypes.MethodNotAllowed, StatusCodes.Status405MethodNotAllowed, "The route takes other methods, named in Allow."),
        new(ProblemTypes.Conflict, StatusCodes.Status409Conflict, "The change conflicts with what is there."),
        new(ProblemTypes.InvalidTransition, StatusCodes.Status409Conflict, "Not possible in the case's current status; `currentStatus` and `allowedActions` say what is."),
        new(ProblemTypes.DuplicatePerson, StatusCodes.Status409Conflict, "The person has an open case in the caller's scope already; `existingCaseId` names it."),
        new(ProblemTypes.ErasureHeld, StatusCodes.Status409Conflict, "The erasure is held back; `holds` names each reason."),
        new(ProblemTypes.StaleVersion, StatusCodes.Status412PreconditionFailed, "If-Match names an old version; `currentETag` is the current one."),
        new(ProblemTypes.UriTooLong, StatusCodes.Status414UriTooLong, "Path and query are too long."),
        new(ProblemTypes.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType, "The body is not of a media type the operation reads (application/json unless it names another)."),
        new(ProblemTypes.RuleViolation, StatusCodes.Status422UnprocessableEntity, "A programme rule refuses it; `failedRules` names each."),
        new(ProblemTypes.PreconditionRequired, StatusCodes.Status428PreconditionRequired, "If-Match is required."),
        new(ProblemTypes.HeadersTooLarge, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Too many or too large request headers."),
        new(ProblemTypes.Unexpected, StatusCodes.Status500InternalServerError, "Something went wrong on the server; nothing is known to have changed."),
        new(ProblemTypes.DependencyUnavailable, StatusCodes.Status503ServiceUnavailable, "A dependency does not answer; `dependencies` gives each one's state."),
    ];

    public static Entry Of(string type) => All.FirstOrDefault(e => e.Type == type)
        ?? throw new InvalidOperationException($"{type} is not in the problem catalog.");

    /// <summary>The problems any operation of this kind can answer, before those its attribute adds.</summary>
    public static IEnumerable<string> Usual(ApiOperationAttribute operation, bool hasRouteValues)
    {
        yield return ProblemTypes.Unexpected;
        // Any request may find the database throttling or down (DependencyFailure).
        yield return ProblemTypes.DependencyUnavailable;
        yield return ProblemTypes.MalformedRequest;
        if (!operation.Anonymous)
        {
            yield return ProblemTypes.Unauthenticated;
            yield return ProblemTypes.Forbidden;
        }
        if (hasRouteValues)
        {
            yield return ProblemTypes.NotFound;
        }
        if (operation.Requests.Length > 0 || operation.BodyMediaType is not null || operation.Query.Length > 0 || operation.Shape == Shape.Page || hasRouteValues)
        {
            yield return ProblemTypes.ValidationFailed;
        }
        if (operation.Requests.Length > 0 || operation.BodyMediaType is not null)
        {
            yield return ProblemTypes.UnsupportedMediaType;
        }
        if (operation.IfMatch != IfMatch.None)
        {
            yield return ProblemTypes.PreconditionRequired;
            yield return ProblemTypes.StaleVersion;
        }
    }
}
