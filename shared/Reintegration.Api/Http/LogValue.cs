using System.Text;

namespace Reintegration.Api.Http;

/// <summary>
/// Request values the app writes into log lines (path, method) come from the caller. A decoded path can hold a
/// line break ("%0A"), which would start a forged line in a plain-text log; and the query string can hold
/// secrets ("?access_token="), so it is never logged. Every such value goes through <see cref="Of"/>.
/// </summary>
public static class LogValue
{
    public const int MaxLength = 200;

    /// <summary>The value with control, line-separating and direction-changing characters escaped as \uXXXX, cut to <see cref="MaxLength"/>.</summary>
    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        var text = value.Length > MaxLength ? value[..MaxLength] : value;
        if (!text.Any(NeedsEscaping))
        {
            return value.Length > MaxLength ? text + "…" : text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscaping(c))
            {
                escaped.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }
        return value.Length > MaxLength ? escaped.Append('…').ToString() : escaped.ToString();
    }

    private static bool NeedsEscaping(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u2028' and <= '\u202E' or >= '\u2066' and <= '\u2069' or >= '\u200B' and <= '\u200F' or '\uFEFF';
}
