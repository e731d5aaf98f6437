using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Reintegration.Api.Http;

/// <summary>An RFC 9457 problem: the fields of the standard plus the extensions this API adds.</summary>
public sealed record Problem(string Type, string Title, int Status, string? Detail, string? Instance)
{
    /// <summary>For 400: each offending field (camelCase JSON path) with what is wrong.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>For 422: every programme rule the request failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Core.Errors.RuleFailure>? FailedRules { get; init; }

    /// <summary>For 412: the ETag of the current version.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CurrentETag { get; init; }

    /// <summary>For 409 on a case: where it stands and what the caller may do instead.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CurrentStatus { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AllowedActions { get; init; }

    /// <summary>For 409 on an erasure: what holds it back (open-case, financial-retention).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Holds { get; init; }

    /// <summary>For 409 on a referral: the open case the person has already.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExistingCaseId { get; init; }

    /// <summary>For 503: the state of each dependency.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Dependencies { get; init; }

    /// <summary>
    /// The W3C trace id of the request (the span current when the problem was made), so an answer a user reports
    /// can be matched to the logs and traces of the same request (docs/decisions/0016).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceId { get; init; } = Activity.Current?.TraceId.ToHexString();

    public JsonResponse ToResponse() => new(Status, this, "application/problem+json");

    public static Problem Of(HttpRequest request, string type, int status, string title, string? detail = null) =>
        new(type, title, status, detail, request.Path.Value);
}
