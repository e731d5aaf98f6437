using Reintegration.Core.Errors;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Access;

/// <summary>
/// The organisation a token names must be one the programme knows, still active, and of the kind the role works for:
/// caseworkers for a referring organisation, partners for a partner, coordinators and the DPO for the coordination.
/// Checked on every authenticated request, so deactivating an organisation shuts its people out at once.
/// </summary>
public sealed class OrganisationMembership(IReferenceDataStore referenceData)
{
    public static OrganisationKind KindFor(Role role) => role switch
    {
        Role.Caseworker => OrganisationKind.Referring,
        Role.Partner => OrganisationKind.Partner,
        _ => OrganisationKind.Coordination,
    };

    public async Task EnsureRecognisedAsync(Caller caller, CancellationToken cancellationToken)
    {
        // A claim that cannot be an organisation id is refused without a read: it never reaches the store's paths.
        var organisation = ReferenceIds.IsValid(caller.OrganisationId)
            ? await referenceData.FindOrganisationAsync(caller.OrganisationId, cancellationToken)
            : null;
        // One answer for unknown, inactive and wrong kind: the caller learns nothing about other organisations.
        if (organisation is null || !organisation.Active || organisation.Kind != KindFor(caller.Role))
        {
            throw new ForbiddenException(
                $"The organisation in your sign-in is not an active {KindFor(caller.Role).ToString().ToLowerInvariant()} organisation of the programme. Ask a coordinator to check it.");
        }
    }
}
