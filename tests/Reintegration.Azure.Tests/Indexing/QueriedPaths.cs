using System.Text.RegularExpressions;
using Reintegration.Azure.Cosmos;

namespace Reintegration.Azure.Tests.Indexing;

/// <summary>
/// The document paths the app's Cosmos DB queries filter and sort on, read from the query text in the adapters' source
/// (string literals such as <c>"c.plan.status = 'Submitted'"</c>), with the container each adapter queries.
/// </summary>
internal static partial class QueriedPaths
{
    public static string SourceDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, "shared", "Reintegration.Azure", "Cosmos");

    /// <summary>Per adapter file that queries: the container (from <c>Containers.X</c>) and the paths its queries use.</summary>
    public static IReadOnlyList<(string File, string Container, IReadOnlySet<string> Paths)> In(string sourceDirectory) =>
        Directory.GetFiles(sourceDirectory, "*.cs")
            .Select(file => (File: file, Text: File.ReadAllText(file)))
            .Where(f => f.Text.Contains("QueryDefinition", StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(f.File), ContainerOf(f.Text), (IReadOnlySet<string>)Of(f.Text)))
            .ToList();

    /// <summary>
    /// Paths in the string literals of the text: an alias (c or r, or one a literal names after FROM), then camelCase
    /// property names. The array of <c>ARRAY_CONTAINS(c.path, ...)</c> is searched by its elements, <c>/path/[]</c>.
    /// </summary>
    public static HashSet<string> Of(string sourceText)
    {
        var literals = StringLiteral().Matches(sourceText).Select(literal => literal.Value).ToList();
        var aliases = literals.SelectMany(literal => FromAlias().Matches(literal)).Select(m => m.Groups["alias"].Value)
            .Append("c").Append("r").Distinct();
        var aliased = new Regex($@"(?<array>ARRAY_CONTAINS\(\s*)?\b(?:{string.Join('|', aliases)})\.(?<path>[a-z_][A-Za-z0-9_]*(?:\.[a-z_][A-Za-z0-9_]*)*)");
        return literals
            .SelectMany(literal => aliased.Matches(literal))
            .Select(path => "/" + path.Groups["path"].Value.Replace('.', '/') + (path.Groups["array"].Success ? "/[]" : ""))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string ContainerOf(string sourceText)
    {
        var names = ContainerReference().Matches(sourceText).Select(m => m.Groups["name"].Value).Distinct().ToList();
        var name = Assert.Single(names);
        return (string)typeof(Containers).GetField(name)!.GetValue(null)!;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\bFROM\s+(?<alias>[a-z])\b")]
    private static partial Regex FromAlias();

    [GeneratedRegex(@"Containers\.(?<name>[A-Z][A-Za-z]*)\b")]
    private static partial Regex ContainerReference();
}
