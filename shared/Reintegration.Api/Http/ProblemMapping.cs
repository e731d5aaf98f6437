using Microsoft.AspNetCore.Http;
using Reintegration.Core.Errors;

namespace Reintegration.Api.Http;

/// <summary>The one place that turns the programme's outcomes into HTTP problems.</summary>
public static class ProblemMapping
{
    public static Problem? For(HttpRequest request, Exception exception) => exception switch
    {
        RequestValidationException e => Problem.Of(request, ProblemTypes.ValidationFailed, StatusCodes.Status400BadRequest,
            "The request is not valid.", "See errors for each offending field.") with { Errors = e.Errors },
        RuleViolationException e => Problem.Of(request, ProblemTypes.RuleViolation, StatusCodes.Status422UnprocessableEntity,
            e.Message, string.Join(" ", e.Failures.Select(f => f.Detail))) with { FailedRules = e.Failures },
        NotFoundException e => Problem.Of(request, ProblemTypes.NotFound, StatusCodes.Status404NotFound, "Not found.", e.Message),
        SeparationOfDutiesException e => Problem.Of(request, ProblemTypes.FourEyes, StatusCodes.Status403Forbidden,
            "Four eyes: someone else must do this.", e.Message),
        ForbiddenException e => Problem.Of(request, ProblemTypes.Forbidden, StatusCodes.Status403Forbidden, "Not allowed.", e.Message),
        StaleVersionException e => Problem.Of(request, ProblemTypes.StaleVersion, StatusCodes.Status412PreconditionFailed,
            "The resource has changed.", e.Message) with { CurrentETag = e.CurrentETag },
        InvalidTransitionException e => Problem.Of(request, ProblemTypes.InvalidTransition, StatusCodes.Status409Conflict,
            "Not possible in the case's current status.", e.Message) with { CurrentStatus = e.CurrentStatus, AllowedActions = e.AllowedActions },
        PreconditionRequiredException e => Problem.Of(request, ProblemTypes.PreconditionRequired,
            StatusCodes.Status428PreconditionRequired, "If-Match is required.", e.Message),
        Core.Retention.ErasureHeldException e => Problem.Of(request, ProblemTypes.ErasureHeld, StatusCodes.Status409Conflict, "Held: not erased yet.", e.Message) with { Holds = e.Holds },
        Core.Search.DuplicatePersonException e => Problem.Of(request, ProblemTypes.DuplicatePerson, StatusCodes.Status409Conflict,
            "This person has an open case already.", e.Message) with { ExistingCaseId = e.ExistingCaseId },
        ConflictException e => Problem.Of(request, ProblemTypes.Conflict, StatusCodes.Status409Conflict, "Conflict.", e.Message),
        UnsupportedMediaTypeException e => Problem.Of(request, ProblemTypes.UnsupportedMediaType,
            StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", e.Message),
        // The server found the body broken while the app read it (bad chunking, a body shorter than its length).
        BadHttpRequestException e => Malformed(request, e.StatusCode),
        _ => null,
    };

    /// <summary>The database did not serve the request in time (DependencyFailure); nothing is known to have changed.</summary>
    public static Problem CosmosUnavailable(HttpRequest request) =>
        Problem.Of(request, ProblemTypes.DependencyUnavailable, StatusCodes.Status503ServiceUnavailable, "Unavailable: cosmosDb.",
            "The database did not answer in time; nothing is known to have changed. Try again after Retry-After seconds.")
        with { Dependencies = new Dictionary<string, string> { ["cosmosDb"] = "Unhealthy" } };

    public static Problem Unexpected(HttpRequest request) =>
        Problem.Of(request, ProblemTypes.Unexpected, StatusCodes.Status500InternalServerError,
            "Something went wrong on our side.", "Nothing is known to have changed; try again later.");

    /// <summary>No route of the API has this path (the path is not echoed: it may be long or hold anything).</summary>
    public static Problem UnknownRoute(HttpRequest request) =>
        new(ProblemTypes.NotFound, "Not found.", StatusCodes.Status404NotFound, "The API has no such route.", null);

    /// <summary>The route exists for other methods; the answer also carries them in Allow.</summary>
    public static Problem MethodNotAllowed(HttpRequest request, IEnumerable<string> allowed) =>
        Problem.Of(request, ProblemTypes.MethodNotAllowed, StatusCodes.Status405MethodNotAllowed, "Method not allowed.",
            $"This route takes {string.Join(", ", allowed)}.");

    public static Problem UriTooLong(HttpRequest request, int limit) =>
        new(ProblemTypes.UriTooLong, "The request line is too long.", StatusCodes.Status414UriTooLong,
            $"Path and query together may be at most {limit} characters.", null);

    public static Problem HeadersTooLarge(HttpRequest request, int count, int size) =>
        new(ProblemTypes.HeadersTooLarge, "The request headers are too large.", StatusCodes.Status431RequestHeaderFieldsTooLarge,
            $"At most {count} headers of at most {size} characters together.", null);

    /// <summary>The server could not read the request (e.g. a broken chunked body); nothing was done.</summary>
    public static Problem Malformed(HttpRequest request, int status) =>
        new(ProblemTypes.MalformedRequest, "The request could not be read.", status,
            "The request is not well-formed HTTP; nothing was done.", null);

    /// <summary>An answer that left the app without a body (a host's own 404, 405, 500...): the problem for its status.</summary>
    public static Problem ForStatus(HttpRequest request, int status) => status switch
    {
        StatusCodes.Status404NotFound => UnknownRoute(request),
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed(request, request.HttpContext.Response.Headers.Allow.ToString().Split(',',
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
        StatusCodes.Status414UriTooLong => UriTooLong(request, EdgeLimits.MaxRequestTargetLength),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => HeadersTooLarge(request, EdgeLimits.MaxHeaderCount, EdgeLimits.MaxHeadersTotalSize),
        >= 500 => Unexpected(request) with { Status = status },
        _ => Malformed(request, status),
    };

    public static Problem Unauthenticated(HttpRequest request) =>
        Problem.Of(request, ProblemTypes.Unauthenticated, StatusCodes.Status401Unauthorized,
            "Authentication required.", "Send a valid bearer token in the Authorization header.");
}

/// <summary>The request body is not JSON.</summary>
public sealed class UnsupportedMediaTypeException(string message) : ProgrammeException(message);
