namespace Reintegration.Core.ReferenceData;

public enum OrganisationKind
{
    /// <summary>A Dutch organisation that refers people to the programme.</summary>
    Referring,
    /// <summary>An NGO in a country of return that receives people and spends the budget with them.</summary>
    Partner,
    /// <summary>The programme's own coordination (coordinators and the data protection officer).</summary>
    Coordination,
}

public sealed record Organisation
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required OrganisationKind Kind { get; init; }
    /// <summary>For partners: the ISO codes of the countries they cover.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    public bool Active { get; init; } = true;

    /// <summary>When it was last deactivated (null while active): since then its open cases wait for another partner.</summary>
    public DateTimeOffset? DeactivatedAt { get; init; }

    public bool Covers(string countryCode) =>
        Kind == OrganisationKind.Partner && Active && Countries.Contains(countryCode, StringComparer.OrdinalIgnoreCase);
}
