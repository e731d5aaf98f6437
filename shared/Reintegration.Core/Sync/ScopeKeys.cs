using Reintegration.Core.Cases;
using Reintegration.Core.Gate;

namespace Reintegration.Core.Sync;

/// <summary>A listing scope as a key stored on the cases that were in it (<see cref="Case.ScopeHistory"/>).</summary>
public static class ScopeKeys
{
    /// <summary>The key of a scope; null for every case (coordinators and the DPO), which needs none.</summary>
    public static string? Of(CaseScope scope) => scope switch
    {
        CaseScope.OfReferringOrganisation own => Referring(own.OrganisationId),
        CaseScope.AssignedToPartner partner => Partner(partner.PartnerId),
        _ => null,
    };

    public static IEnumerable<string> Of(Case @case)
    {
        if (@case.ReferringOrganisationId is { } referring)
        {
            yield return Referring(referring);
        }
        if (@case.PartnerId is { } partner)
        {
            yield return Partner(partner);
        }
    }

    private static string Referring(string id) => $"referring/{id}";

    private static string Partner(string id) => $"partner/{id}";
}
