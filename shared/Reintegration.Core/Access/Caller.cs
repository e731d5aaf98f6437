namespace Reintegration.Core.Access;

/// <summary>The authenticated person behind a request: who, in which role, for which organisation.</summary>
public sealed record Caller(string UserId, Role Role, string OrganisationId)
{
    public string RoleName => Roles.Name(Role);

    /// <summary>The request's correlation id (its trace id), so an access record can be matched to the request's logs.</summary>
    public string? CorrelationId { get; init; }
}
