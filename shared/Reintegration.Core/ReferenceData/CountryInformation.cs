namespace Reintegration.Core.ReferenceData;

/// <summary>
/// What the programme tells people considering return to a country, in several languages: the support it offers there
/// and how to reach it. Partners are not stored here: the answer names the active partners of the reference data.
/// </summary>
public sealed record CountryInformation
{
    public required string Code { get; init; }
    public required IReadOnlyList<CountryText> Texts { get; init; }
    public required DateOnly LastReviewedOn { get; init; }
    public required string LastReviewedBy { get; init; }
}

/// <summary>The information in one language (ISO 639-1, lower case): paragraphs of plain text.</summary>
public sealed record CountryText(string Language, IReadOnlyList<string> SupportOffered, string HowToReachUs);

/// <summary>The languages the programme publishes in; English is always there and is the last fallback.</summary>
public static class InformationLanguages
{
    public const string Fallback = "en";

    public static readonly IReadOnlyList<string> Published = ["nl", "en", "fr", "ar"];

    /// <summary>
    /// The language to answer in: the one asked for, if there is a text in it; else the first of Accept-Language (by
    /// weight) there is one in; else English.
    /// </summary>
    public static string Choose(string? asked, string? acceptLanguage, IReadOnlyCollection<string> available)
    {
        if (asked is not null && available.Contains(asked))
        {
            return asked;
        }
        var wanted = (acceptLanguage ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((range, order) =>
            {
                var parts = range.Split(';', StringSplitOptions.TrimEntries);
                var weight = parts.Skip(1).Select(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(p[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q)
                    ? q : 1.0).FirstOrDefault(1.0);
                return (Language: parts[0].Split('-')[0].ToLowerInvariant(), Weight: weight, Order: order);
            })
            .Where(w => w.Weight > 0)
            .OrderByDescending(w => w.Weight).ThenBy(w => w.Order);
        return wanted.Select(w => w.Language).FirstOrDefault(available.Contains) ?? Fallback;
    }
}
