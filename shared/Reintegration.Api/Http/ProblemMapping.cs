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
        ConflictException e => Problem.Of(request, ProblemTypes.Conflict, StatusCodes.Status409Conflict, "Conflict.", e.Message),
        UnsupportedMediaTypeException e => Problem.Of(request, ProblemTypes.UnsupportedMediaType,
            StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", e.Message),
        _ => null,
    };

    public static Problem Unexpected(HttpRequest request) =>
        Problem.Of(request, ProblemTypes.Unexpected, StatusCodes.Status500InternalServerError,
            "Something went wrong on our side.", "Nothing is known to have changed; try again later.");

    public static Problem Unauthenticated(HttpRequest request) =>
        Problem.Of(request, ProblemTypes.Unauthenticated, StatusCodes.Status401Unauthorized,
            "Authentication required.", "Send a valid bearer token in the Authorization header.");
}

/// <summary>The request body is not JSON.</summary>
public sealed class UnsupportedMediaTypeException(string message) : ProgrammeException(message);
