using Reintegration.Core.Access;
using Reintegration.Core.Cases;

namespace Reintegration.Core.Gate;

/// <summary>
/// One thing a person can do with a case, as the access log names it: who may do it (by role) and whether the case
/// must still be open. The table of all of them is <see cref="CasePermissions"/>.
/// </summary>
public sealed record CaseOperation(string Name, IReadOnlyList<Role> Roles, string RefusalForOthers, bool OnlyWhileOpen = false)
{
    /// <summary>What the operation adds, for the 409 when the case is closed ("documents", "spending").</summary>
    public string? Adds { get; init; }

    public bool RoleMay(Role role) => Roles.Contains(role);
}
