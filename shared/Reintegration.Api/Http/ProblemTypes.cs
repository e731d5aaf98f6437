namespace Reintegration.Api.Http;

/// <summary>The stable "type" URIs of every error this API answers (RFC 9457). Clients may switch on them.</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:reintegration:problem:";

    public const string Unauthenticated = Prefix + "unauthenticated";
    public const string Forbidden = Prefix + "forbidden";
    /// <summary>403: the caller may do this in general, but not to what they prepared themselves (plan approval).</summary>
    public const string FourEyes = Prefix + "four-eyes";
    public const string NotFound = Prefix + "not-found";
    public const string ValidationFailed = Prefix + "validation-failed";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string RuleViolation = Prefix + "rule-violation";
    public const string Conflict = Prefix + "conflict";
    public const string InvalidTransition = Prefix + "invalid-transition";
    /// <summary>409: an erasure something still holds back; "holds" names each (open-case, financial-retention).</summary>
    public const string ErasureHeld = Prefix + "erasure-held";
    /// <summary>409: the person of a referral has an open case in the caller's scope already; "existingCaseId" names it.</summary>
    public const string DuplicatePerson = Prefix + "duplicate-person";
    public const string StaleVersion = Prefix + "stale-version";
    public const string PreconditionRequired = Prefix + "precondition-required";
    public const string DependencyUnavailable = Prefix + "dependency-unavailable";
    public const string Unexpected = Prefix + "unexpected";

    // Answers about the request itself rather than the programme: no such route, a method the route does not
    // take, a request line or headers over the limits, a request the server could not read.
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string UriTooLong = Prefix + "uri-too-long";
    public const string HeadersTooLarge = Prefix + "headers-too-large";
    public const string MalformedRequest = Prefix + "malformed-request";
}
