using FluentValidation;

namespace Reintegration.Core.Validation;

/// <summary>
/// Names and descriptions are shown to people, written into letters and exports, and may end up quoted in logs:
/// they hold printable text only. Refused: control characters (line breaks, tabs, escape: they forge log lines and
/// break exports), bidirectional overrides and isolates (they make "Mensah" display as something else), zero-width
/// and other invisible characters (two names that look the same but differ), and unpaired surrogates (not text).
/// </summary>
public static class PlainTextRule
{
    public const string Message =
        "Printable text only: no line breaks, tabs or other control characters, no invisible or direction-changing characters.";

    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsPlainText).WithMessage(Message);

    public static bool IsPlainText(string? text)
    {
        if (text is null)
        {
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || IsRefused(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsRefused(char c) =>
        char.IsControl(c)                      // C0, DEL and C1 (NEL among them)
        || c is >= '\u200B' and <= '\u200F'    // zero-width space, joiners, left-to-right and right-to-left marks
        || c is >= '\u2028' and <= '\u202E'    // line and paragraph separators, bidirectional embeddings and overrides
        || c is >= '\u2060' and <= '\u2069'    // word joiner, invisible operators, bidirectional isolates
        || c is '\u061C'                       // Arabic letter mark (bidirectional)
        || c is '\uFEFF';                      // zero-width no-break space (byte order mark)
}
