using System.Collections.Frozen;

namespace Reintegration.Core;

/// <summary>
/// Enum values arrive as text and are accepted by their exact name only: never as a number ("1"), never as a
/// comma list ("DidNotDepart,Withdrew", which Enum.TryParse combines into one value), never padded with
/// whitespace, and never as an undefined value. Case is ignored only where a caller asks for it (query strings).
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value, bool ignoreCase = false) where T : struct, Enum
    {
        value = default;
        return text is not null && (ignoreCase ? Names<T>.IgnoringCase : Names<T>.Exact).TryGetValue(text, out value);
    }

    public static bool IsOne<T>(string? text) where T : struct, Enum => TryParse<T>(text, out _);

    /// <summary>"One of: A, B, C." for error messages.</summary>
    public static string OneOf<T>() where T : struct, Enum => $"One of: {string.Join(", ", Enum.GetNames<T>())}.";

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> Exact =
            Enum.GetNames<T>().ToFrozenDictionary(n => n, Enum.Parse<T>, StringComparer.Ordinal);

        public static readonly FrozenDictionary<string, T> IgnoringCase =
            Enum.GetNames<T>().ToFrozenDictionary(n => n, Enum.Parse<T>, StringComparer.OrdinalIgnoreCase);
    }
}
