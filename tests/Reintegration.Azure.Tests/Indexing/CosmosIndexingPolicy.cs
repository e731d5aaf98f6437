using System.Text.Json;

namespace Reintegration.Azure.Tests.Indexing;

/// <summary>
/// One container's indexing policy as written in infra/modules/cosmos-indexing.json, and whether it indexes a path.
/// As Cosmos DB decides it: the most specific matching included or excluded path wins, and the system properties
/// <c>id</c> and <c>_ts</c> are always indexed in consistent mode (the service indexes them whatever the paths say and
/// leaves them out of the policy's paths), so the policy does not list them.
/// </summary>
internal sealed record CosmosIndexingPolicy(IReadOnlyList<string> Included, IReadOnlyList<string> Excluded, bool Consistent = true)
{
    private static readonly string[] AlwaysIndexed = ["/id", "/_ts"];

    public static IReadOnlyDictionary<string, CosmosIndexingPolicy> Load(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.EnumerateObject().ToDictionary(
            container => container.Name,
            container => new CosmosIndexingPolicy(Paths(container.Value, "includedPaths"), Paths(container.Value, "excludedPaths"),
                container.Value.GetProperty("indexingMode").GetString() == "consistent"));
    }

    /// <summary>Whether a document path such as <c>/plan/status</c> is indexed.</summary>
    public bool Indexes(string path)
    {
        if (AlwaysIndexed.Contains(path, StringComparer.Ordinal))
        {
            return Consistent;
        }
        var included = Included.Where(p => Matches(p, path)).Select(Specificity).DefaultIfEmpty(-1).Max();
        var excluded = Excluded.Where(p => Matches(p, path)).Select(Specificity).DefaultIfEmpty(-1).Max();
        return included > excluded;
    }

    private static bool Matches(string pattern, string path) =>
        pattern.EndsWith("/?", StringComparison.Ordinal) ? pattern[..^2] == path
        : pattern.EndsWith("/*", StringComparison.Ordinal) && (path + "/").StartsWith(pattern[..^1], StringComparison.Ordinal);

    /// <summary>Deeper is more specific; at the same depth an exact path beats a wildcard.</summary>
    private static int Specificity(string pattern) => pattern.Count(c => c == '/') * 2 + (pattern.EndsWith('?') ? 1 : 0);

    private static List<string> Paths(JsonElement policy, string property) =>
        policy.TryGetProperty(property, out var paths)
            ? paths.EnumerateArray().Select(p => p.GetProperty("path").GetString()!).ToList()
            : [];
}
