using Reintegration.Core.Access;

namespace Reintegration.Api.Contract;

/// <summary>How an operation answers success (see <see cref="Http.Responses"/>).</summary>
public enum Answer
{
    /// <summary>200 with the body.</summary>
    Ok,
    /// <summary>200 with the ETag; a GET also answers 304 to an If-None-Match naming the current version.</summary>
    Versioned,
    /// <summary>201 with Location and ETag.</summary>
    Created,
    /// <summary>A PUT that creates (201, Location) without If-Match, or replaces (200) with it; both with the ETag.</summary>
    Saved,
    /// <summary>202 with Location (where its progress is read) and ETag: the work goes on after the answer.</summary>
    Accepted,
}

/// <summary>The shape of the success body around the response type.</summary>
public enum Shape
{
    One,
    List,
    /// <summary><c>{ items: [...], continuationToken }</c>, with the pageSize and continuationToken query parameters.</summary>
    Page,
}

/// <summary>Whether the operation reads If-Match.</summary>
public enum IfMatch
{
    None,
    /// <summary>Missing: 428; stale: 412.</summary>
    Required,
    /// <summary>Absent creates (428 when it exists already), present replaces (412 when stale).</summary>
    Optional,
}

/// <summary>
/// The contract of one HTTP function, beside it: who may call it, what it reads and what it answers. The OpenAPI
/// document is built from these and the function's trigger (docs/decisions/0015); a test fails when an HTTP
/// function has none.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string summary) : Attribute
{
    public string Summary => summary;

    /// <summary>The roles that may call it; none with <see cref="Anonymous"/> false means any signed-in role.</summary>
    public Role[] Roles { get; set; } = [];

    /// <summary>Every case action's roles (the route .../actions/{action}).</summary>
    public const string CaseActions = "case-actions";

    /// <summary>
    /// The case permission whose roles may call it: a field of CasePermissions, a CaseAction's name, or
    /// <see cref="CaseActions"/>; so the document names the roles of the one table the gate checks.
    /// </summary>
    public string? Permission { get; set; }

    /// <summary>No token needed.</summary>
    public bool Anonymous { get; set; }

    /// <summary>The request records it reads (more than one when the route's values read different ones).</summary>
    public Type[] Requests { get; set; } = [];

    /// <summary>The success body's type; a view with a static ByRole answers each role's view.</summary>
    public Type? Response { get; set; }

    /// <summary>Other records some roles receive instead of <see cref="Response"/> (a view chosen by role without a ByRole table).</summary>
    public Type[] AlsoAnswers { get; set; } = [];

    public Shape Shape { get; set; } = Shape.One;

    /// <summary>
    /// The record a <see cref="Shape.Page"/> is answered in when it carries more than items and continuationToken
    /// (e.g. a delta token): its other fields come from the record, its items are <see cref="Response"/>'s views.
    /// </summary>
    public Type? Envelope { get; set; }

    /// <summary>A body that is not one JSON record (e.g. a file of JSON lines): its media types, separated by ", ".</summary>
    public string? BodyMediaType { get; set; }

    /// <summary>The record each line of a JSON-lines body holds (with <see cref="BodyMediaType"/>).</summary>
    public Type? BodyLine { get; set; }

    /// <summary>The success body's media type (several separated by ", "); a body not JSON is described as text.</summary>
    public string MediaType { get; set; } = "application/json";

    public Answer Answer { get; set; } = Answer.Ok;

    public IfMatch IfMatch { get; set; } = IfMatch.None;

    /// <summary>A repeated request with the same Idempotency-Key answers the first outcome (docs/decisions/0003).</summary>
    public bool IdempotencyKey { get; set; }

    /// <summary>The query parameters it reads (names from <see cref="QueryParameters"/>), besides a page's.</summary>
    public string[] Query { get; set; } = [];

    /// <summary>Problem types beyond those every operation of its kind can answer (<see cref="ProblemCatalog.Usual"/>).</summary>
    public string[] Problems { get; set; } = [];
}
