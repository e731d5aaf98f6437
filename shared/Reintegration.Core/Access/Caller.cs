namespace Reintegration.Core.Access;

/// <summary>The authenticated person behind a request: who, in which role, for which organisation.</summary>
public sealed record Caller(string UserId, Role Role, string OrganisationId)
{
    public string RoleName => Roles.Name(Role);
}
