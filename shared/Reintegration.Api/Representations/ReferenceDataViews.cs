using Reintegration.Core.ReferenceData;

namespace Reintegration.Api.Representations;

/// <param name="DeactivatedAt">When it was deactivated; absent while active.</param>
public sealed record PartnerView(string Id, string Name, IReadOnlyList<string> Countries, bool Active, DateTimeOffset? DeactivatedAt)
{
    public static PartnerView From(Organisation o) => new(o.Id, o.Name, o.Countries, o.Active, o.DeactivatedAt);
}

public sealed record HealthView(string Status, IReadOnlyDictionary<string, string> Dependencies);

/// <param name="DeactivatedAt">When it was deactivated; absent while active.</param>
public sealed record ReferringOrganisationView(string Id, string Name, bool Active, DateTimeOffset? DeactivatedAt)
{
    public static ReferringOrganisationView From(Organisation o) => new(o.Id, o.Name, o.Active, o.DeactivatedAt);
}
