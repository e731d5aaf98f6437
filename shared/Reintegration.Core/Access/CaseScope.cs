namespace Reintegration.Core.Access;

/// <summary>Which cases a caller may list; the store turns it into a query filter.</summary>
public abstract record CaseScope
{
    private CaseScope() { }

    public sealed record AllCases : CaseScope;

    public sealed record OfReferringOrganisation(string OrganisationId) : CaseScope;

    public sealed record AssignedToPartner(string PartnerId) : CaseScope;
}
