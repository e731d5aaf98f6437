using FluentValidation;
using Reintegration.Core.Validation;
using Reintegration.Core.Cases;
using Reintegration.Core.Referrals;
using Reintegration.Core.Time;

namespace Reintegration.Core.DataProtection;

/// <summary>A withdrawal or a new giving of consent: when the person expressed it, how, and why.</summary>
public sealed record ConsentRequest
{
    public DateOnly? Date { get; init; }
    public string? Method { get; init; }
    public string? Reason { get; init; }
}

public sealed class ConsentRequestValidator : AbstractValidator<ConsentRequest>
{
    public ConsentRequestValidator(ProgrammeClock clock)
    {
        RuleFor(c => c.Date).NotNull().PastEvent(clock);
        RuleFor(c => c.Method).NotEmpty().Must(m => ReferralVocabulary.ConsentMethods.Contains(m))
            .WithMessage($"One of: {string.Join(", ", ReferralVocabulary.ConsentMethods)}.");
        RuleFor(c => c.Reason).MaximumLength(CaseActionRequestValidator.MaxReasonLength)
            .PlainText();
    }
}
