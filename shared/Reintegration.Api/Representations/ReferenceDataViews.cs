using Reintegration.Core.ReferenceData;

namespace Reintegration.Api.Representations;

public sealed record PartnerView(string Id, string Name, IReadOnlyList<string> Countries, bool Active)
{
    public static PartnerView From(Organisation o) => new(o.Id, o.Name, o.Countries, o.Active);
}

public sealed record HealthView(string Status, IReadOnlyDictionary<string, string> Dependencies);

public sealed record ReferringOrganisationView(string Id, string Name, bool Active)
{
    public static ReferringOrganisationView From(Organisation o) => new(o.Id, o.Name, o.Active);
}
