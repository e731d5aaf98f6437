using FluentValidation;
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
    /// <summary>Consent is recorded within the programme's time, never before the phases this system serves.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public ConsentRequestValidator(ProgrammeClock clock)
    {
        RuleFor(c => c.Date).NotNull().Must(d => d is null || (d >= Earliest && d <= clock.Today))
            .WithMessage($"A date from {Earliest:yyyy-MM-dd} that is not in the future.");
        RuleFor(c => c.Method).NotEmpty().Must(m => ReferralVocabulary.ConsentMethods.Contains(m))
            .WithMessage($"One of: {string.Join(", ", ReferralVocabulary.ConsentMethods)}.");
        RuleFor(c => c.Reason).MaximumLength(CaseActionRequestValidator.MaxReasonLength)
            .Must(PlainText.IsPlain).WithMessage(PlainText.Rule);
    }
}
