namespace Reintegration.Core.ReferenceData;

/// <summary>The shape of the ids coordinators give organisations and phases: letters, digits and dashes, at most 64.</summary>
public static class ReferenceIds
{
    public const int MaxLength = 64;

    public const string Rule = "Letters, digits and dashes, at most 64.";

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
