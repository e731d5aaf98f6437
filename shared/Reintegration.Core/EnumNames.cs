namespace Reintegration.Core;

/// <summary>
/// Enum values arrive as text and are accepted by their exact name only: never as a number
/// ("1"), which Enum.TryParse would otherwise take, and never as an undefined value.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value, bool ignoreCase = false) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public static bool IsOne<T>(string? text) where T : struct, Enum => TryParse<T>(text, out _);

    /// <summary>"One of: A, B, C." for error messages.</summary>
    public static string OneOf<T>() where T : struct, Enum => $"One of: {string.Join(", ", Enum.GetNames<T>())}.";
}
