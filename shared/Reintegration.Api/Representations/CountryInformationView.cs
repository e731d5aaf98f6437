using Reintegration.Core.ReferenceData;

namespace Reintegration.Api.Representations;

/// <summary>A country's information in one language, the partners there, and when it was last reviewed (public: no user ids).</summary>
public sealed record CountryInformationView(string Code, string Language, IReadOnlyList<string> AvailableLanguages, IReadOnlyList<string> SupportOffered,
    IReadOnlyList<string> Partners, string HowToReachUs, DateOnly LastReviewedOn)
{
    public static CountryInformationView From(CountryInformation information, IReadOnlyList<string> partners, string? asked, string? acceptLanguage)
    {
        var available = information.Texts.Select(t => t.Language).ToList();
        var language = InformationLanguages.Choose(asked, acceptLanguage, available);
        var text = information.Texts.FirstOrDefault(t => t.Language == language) ?? information.Texts[0];
        return new CountryInformationView(information.Code, text.Language, available, text.SupportOffered, partners, text.HowToReachUs,
            information.LastReviewedOn);
    }
}
