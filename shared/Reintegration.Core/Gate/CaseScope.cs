namespace Reintegration.Core.Gate;

/// <summary>Which cases a caller may list; the store turns it into a query filter.</summary>
public abstract record CaseScope
{
    private CaseScope() { }

    public sealed record AllCases : CaseScope;

    public sealed record OfReferringOrganisation(string OrganisationId) : CaseScope;

    /// <summary>Assigned to the partner, and shared with it: a case whose consent was withdrawn is not listed.</summary>
    public sealed record AssignedToPartner(string PartnerId) : CaseScope;
}
