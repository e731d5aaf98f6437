namespace Reintegration.Core.Errors;

/// <summary>
/// An outcome the caller must be told about. The HTTP edge maps each kind, in one place,
/// to a ProblemDetails answer; messages never carry personal data.
/// </summary>
public abstract class ProgrammeException(string message) : Exception(message);

/// <summary>The thing does not exist, or the caller may not know it exists.</summary>
public sealed class NotFoundException(string what) : ProgrammeException($"{what} was not found.");

/// <summary>The caller may see the thing but may not do this to it.</summary>
public sealed class ForbiddenException(string message) : ProgrammeException(message);

/// <summary>Four eyes: the caller may do this in general, but not to what they themselves prepared.</summary>
public sealed class SeparationOfDutiesException(string message) : ProgrammeException(message);

/// <summary>The request is malformed: each offending field with what is wrong with it.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : ProgrammeException("The request is not valid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException ForField(string field, string error) =>
        new(new Dictionary<string, string[]> { [field] = [error] });
}

/// <summary>The request is well formed but the programme's rules refuse it.</summary>
public sealed class RuleViolationException(string title, IReadOnlyList<RuleFailure> failures)
    : ProgrammeException(title)
{
    public IReadOnlyList<RuleFailure> Failures { get; } = failures;
}

/// <summary>One rule of the programme that a request failed.</summary>
public sealed record RuleFailure(string Rule, string Detail);

/// <summary>The change was based on a stale version; nothing was changed.</summary>
public sealed class StaleVersionException(string currentETag)
    : ProgrammeException("The resource was changed by someone else; read it again and retry with its current ETag.")
{
    public string CurrentETag { get; } = currentETag;
}

/// <summary>The request conflicts with the current state (a duplicate, or a request still in progress).</summary>
public sealed class ConflictException(string message) : ProgrammeException(message);

/// <summary>The action is not possible in the case's current status; the answer names what is.</summary>
public sealed class InvalidTransitionException(string action, string currentStatus, IReadOnlyList<string> allowedActions)
    : ProgrammeException($"'{action}' is not possible while the case is {currentStatus}.")
{
    public string CurrentStatus { get; } = currentStatus;
    public IReadOnlyList<string> AllowedActions { get; } = allowedActions;
}

/// <summary>A change was sent without If-Match; changes must say which version they are based on.</summary>
public sealed class PreconditionRequiredException()
    : ProgrammeException("Send the case's ETag in If-Match: changes must say which version they are based on.");
