using System.Text.Json;

namespace Reintegration.Core.ReferenceData;

/// <summary>The seed set shipped with the app: published countries, demo organisations, programme phases.</summary>
public static class ReferenceDataSeed
{
    public static ReferenceDataSet Load()
    {
        using var stream = typeof(ReferenceDataSeed).Assembly.GetManifestResourceStream("seed-reference-data.json")
            ?? throw new InvalidOperationException("The reference data seed is missing from the assembly.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        var seed = JsonSerializer.Deserialize<SeedFile>(stream, options)
            ?? throw new InvalidOperationException("The reference data seed is empty.");
        return new ReferenceDataSet(seed.Countries, seed.Organisations, seed.Phases);
    }

    private sealed record SeedFile(List<Country> Countries, List<Organisation> Organisations, List<ProgrammePhase> Phases);
}
