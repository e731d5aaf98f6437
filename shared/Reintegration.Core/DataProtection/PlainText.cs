namespace Reintegration.Core.DataProtection;

/// <summary>Text a person typed that is shown to others and kept: no control, bidi-override or zero-width characters.</summary>
public static class PlainText
{
    public const string Rule = "Text without control, bidirectional-override or zero-width characters.";

    public static bool IsPlain(string? text)
    {
        if (text is null)
        {
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2069' or '\uFEFF')
            {
                return false;
            }
            if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                return false;
            }
            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                return false;
            }
        }
        return true;
    }
}
