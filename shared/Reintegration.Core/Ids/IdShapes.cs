using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Ids;

/// <summary>
/// The one declared shape of each kind of id. An id either has its shape exactly or is refused: nothing is trimmed,
/// decoded or case-folded, so no alias of an id (percent escapes, other casing, padding) can reach a store.
/// </summary>
public static class IdShapes
{
    /// <summary>Case, document and spending ids are GUIDs the app issued: 36 characters, lower-case, with dashes.</summary>
    public const string IssuedRule = "An id this API issued: a lower-case GUID with dashes.";

    public const string CheckpointRule = "A checkpoint id such as m1, m3, m6 or m12.";

    public const string CountryRule = "An ISO 3166-1 alpha-2 country code in capitals, such as GH.";

    public static bool IsIssued(string? text) =>
        text is { Length: 36 } && Guid.TryParseExact(text, "D", out var guid) && guid.ToString("D") == text;

    /// <summary>"m" and the months after arrival, 1 to 999, without leading zeros.</summary>
    public static bool IsCheckpoint(string? text) =>
        text is { Length: >= 2 and <= 4 } && text[0] == 'm' && text[1] is >= '1' and <= '9' && text.Skip(1).All(char.IsAsciiDigit);

    public static bool IsCountryCode(string? text) => text is { Length: 2 } && text.All(char.IsAsciiLetterUpper);

    /// <summary>Organisation and phase ids: letters, digits and dashes, at most 64.</summary>
    public static bool IsReference(string? text) => ReferenceIds.IsValid(text);
}
