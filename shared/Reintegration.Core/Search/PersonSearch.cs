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

    /// <summary>Letters that do not decompose into a base letter and a mark.</summary>
    private static readonly Dictionary<char, string> Folded = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d", ['ł'] = "l", ['ı'] = "i", ['þ'] = "th", ['ħ'] = "h",
    };

    public static IReadOnlyList<string> Words(params string?[] names)
    {
        var text = new StringBuilder();
        foreach (var c in string.Join(' ', names.Where(n => n is not null)).Normalize(NormalizationForm.FormD))
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
        return text.ToString().Normalize(NormalizationForm.FormC)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
