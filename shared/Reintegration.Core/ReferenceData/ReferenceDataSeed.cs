using System.Text.Json;

namespace Reintegration.Core.ReferenceData;

/// <summary>The seed shipped with the app: published countries, programme phases, the coordination, and demo organisations.</summary>
public static class ReferenceDataSeed
{
    /// <summary>What every installation needs: the published countries, the phases and the coordination organisation.</summary>
    public static ReferenceDataSet Published()
    {
        var seed = Read();
        return new ReferenceDataSet(seed.Countries, seed.Organisations, seed.Phases);
    }

    /// <summary>The published data plus demo organisations: a referring organisation and a partner per country.</summary>
    public static ReferenceDataSet Load()
    {
        var seed = Read();
        return new ReferenceDataSet(seed.Countries, [.. seed.Organisations, .. seed.DemoOrganisations], seed.Phases);
    }

    private static SeedFile Read()
    {
        using var stream = typeof(ReferenceDataSeed).Assembly.GetManifestResourceStream("seed-reference-data.json")
            ?? throw new InvalidOperationException("The reference data seed is missing from the assembly.");
        return JsonSerializer.Deserialize<SeedFile>(stream, ProgrammeJson.Options)
            ?? throw new InvalidOperationException("The reference data seed is empty.");
    }

    private sealed record SeedFile(List<Country> Countries, List<Organisation> Organisations, List<Organisation> DemoOrganisations,
        List<ProgrammePhase> Phases);
}
