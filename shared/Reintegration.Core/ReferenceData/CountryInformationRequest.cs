using FluentValidation;
using Reintegration.Core.Time;
using Reintegration.Core.Validation;

namespace Reintegration.Core.ReferenceData;

/// <summary>A coordinator's new version of a country's information: every language, and the day it was reviewed.</summary>
public sealed record CountryInformationRequest
{
    public List<CountryTextRequest>? Texts { get; init; }
    public DateOnly? LastReviewedOn { get; init; }
}

public sealed record CountryTextRequest
{
    public string? Language { get; init; }
    public List<string>? SupportOffered { get; init; }
    public string? HowToReachUs { get; init; }
}

public sealed class CountryInformationRequestValidator : AbstractValidator<CountryInformationRequest>
{
    public const int MaxLanguages = 20;
    public const int MaxParagraphs = 20;
    public const int MaxParagraphLength = 2000;

    public CountryInformationRequestValidator(ProgrammeClock clock)
    {
        RuleFor(r => r.Texts).NotNull().Must(t => t is null || t.Count is > 0 and <= MaxLanguages)
            .WithMessage($"From 1 to {MaxLanguages} languages.");
        RuleFor(r => r.Texts).Must(t => t is null || t.Any(x => x?.Language == InformationLanguages.Fallback))
            .WithMessage("English is always there: it is the last fallback.");
        RuleFor(r => r.Texts).Must(t => t is null || t.Where(x => x is not null).GroupBy(x => x.Language).All(g => g.Count() == 1))
            .WithMessage("Each language once.");
        RuleForEach(r => r.Texts).NotNull().ChildRules(text =>
        {
            text.RuleFor(t => t.Language).NotEmpty().Matches("^[a-z]{2}$").WithMessage("An ISO 639-1 language code in lower case, such as nl.");
            text.RuleFor(t => t.SupportOffered).NotNull().Must(p => p is null || p.Count is > 0 and <= MaxParagraphs)
                .WithMessage($"From 1 to {MaxParagraphs} paragraphs.");
            text.RuleForEach(t => t.SupportOffered).NotEmpty().MaximumLength(MaxParagraphLength).PlainText();
            text.RuleFor(t => t.HowToReachUs).NotEmpty().MaximumLength(MaxParagraphLength).PlainText();
        });
        RuleFor(r => r.LastReviewedOn).NotNull().PastEvent(clock);
    }
}
