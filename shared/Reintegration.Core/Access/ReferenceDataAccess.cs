using Reintegration.Core.Errors;

namespace Reintegration.Core.Access;

public static class ReferenceDataAccess
{
    /// <summary>Coordinators maintain countries and organisations (partners and referring organisations).</summary>
    public static void EnsureMayMaintain(Caller caller)
    {
        if (caller.Role != Role.Coordinator)
        {
            throw new ForbiddenException("Only a coordinator maintains countries and organisations.");
        }
    }
}
