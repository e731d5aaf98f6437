using System.Globalization;
using System.Text;

namespace Reintegration.Core.Search;

/// <summary>
/// The normalised form of a person's names that search and the duplicate check compare: lower case, accents and other
/// marks removed, split into words and sorted, so "José María Núñez", "nunez jose maria" and "NÚÑEZ, José-María" are
/// the same words. Personal data: stored on the case for the index, never shown or logged, cleared with the names.
/// </summary>
public static class PersonSearch
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 8;

    /// <summary>
    /// Latin letters with marks and letters that do not decompose, folded by table: string normalisation needs ICU,
    /// which a host in globalisation-invariant mode does not have. Marks of other scripts are removed by normalisation
    /// where it is available.
    /// </summary>
    private static readonly Dictionary<char, string> Folded = Table(
        ("a", "àáâãäåāăąǎ"), ("c", "çćĉċč"), ("d", "ďđð"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"),
        ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏőǒ"), ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"),
        ("u", "ùúûüũūŭůűųǔ"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"), ("ss", "ß"), ("ae", "æ"), ("oe", "œ"), ("th", "þ"));

    private static Dictionary<char, string> Table(params (string To, string From)[] folds) =>
        folds.SelectMany(f => f.From.Select(c => (c, f.To))).ToDictionary(p => p.c, p => p.To);

    /// <summary>The words as the one value stored and compared: all the person's names, in any order, must be asked for.</summary>
    public static string Key(IEnumerable<string> words) => string.Join(' ', words);

    public static IReadOnlyList<string> Words(params string?[] names)
    {
        var text = new StringBuilder();
        var joined = string.Join(' ', names.Where(n => n is not null));
        string decomposed;
        try
        {
            decomposed = joined.Normalize(NormalizationForm.FormD);
        }
        catch (PlatformNotSupportedException)
        {
            decomposed = joined;
        }
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (Folded.TryGetValue(lower, out var folded))
            {
                text.Append(folded);
            }
            else
            {
                text.Append(char.IsLetterOrDigit(lower) ? lower : ' ');
            }
        }
        return text.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
