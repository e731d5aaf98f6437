using FluentValidation;
using Reintegration.Core.Validation;

namespace Reintegration.Core.ReferenceData;

public sealed record CountryRequest
{
    public string? Name { get; init; }
    public bool? Active { get; init; }
    /// <summary>Required when the country is suspended.</summary>
    public string? SuspensionReason { get; init; }
}

public sealed record PartnerRequest
{
    public string? Name { get; init; }
    public List<string>? Countries { get; init; }
    public bool? Active { get; init; }
}

public sealed record ReferringOrganisationRequest
{
    public string? Name { get; init; }
    public bool? Active { get; init; }
}

public sealed class CountryRequestValidator : AbstractValidator<CountryRequest>
{
    public CountryRequestValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100).PlainText();
        RuleFor(c => c.Active).NotNull();
        RuleFor(c => c.SuspensionReason).NotEmpty().When(c => c.Active == false)
            .WithMessage("Say why return to the country is suspended.");
        RuleFor(c => c.SuspensionReason).MaximumLength(1000).PlainText();
    }
}

public sealed class PartnerRequestValidator : AbstractValidator<PartnerRequest>
{
    public PartnerRequestValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(200).PlainText();
        RuleFor(p => p.Countries).NotEmpty().Must(c => c is null || c.Count <= 50).WithMessage("From 1 to 50 countries.");
        RuleForEach(p => p.Countries).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("An ISO 3166-1 alpha-2 code in capitals.");
        RuleFor(p => p.Active).NotNull();
    }
}

public sealed class ReferringOrganisationRequestValidator : AbstractValidator<ReferringOrganisationRequest>
{
    public ReferringOrganisationRequestValidator()
    {
        RuleFor(o => o.Name).NotEmpty().MaximumLength(200).PlainText();
        RuleFor(o => o.Active).NotNull();
    }
}

public sealed record PhaseRequest
{
    public string? Name { get; init; }
    public DateOnly? StartsOn { get; init; }
    /// <summary>Last day of the phase, inclusive.</summary>
    public DateOnly? EndsOn { get; init; }
    public BudgetPolicyRequest? Budget { get; init; }
    /// <summary>Months after arrival; the programme's default 1, 3, 6, 12 when left out.</summary>
    public List<int>? MonitoringMonths { get; init; }
    /// <summary>Days after a due date before a report counts as overdue; 14 when left out.</summary>
    public int? GracePeriodDays { get; init; }
}

public sealed record BudgetPolicyRequest
{
    public decimal? CashContribution { get; init; }
    public decimal? InKindPerAdult { get; init; }
    public decimal? InKindPerChild { get; init; }
    public decimal? ApprovalCeiling { get; init; }
}

public sealed class PhaseRequestValidator : AbstractValidator<PhaseRequest>
{
    /// <summary>Far above any household's budget; catches a misplaced digit.</summary>
    public const decimal MaxAmount = 100_000m;
    public const int MaxMonths = 36;
    public const int MaxGracePeriodDays = 90;

    public PhaseRequestValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(100).PlainText();
        RuleFor(p => p.StartsOn).NotNull().PlannedDate();
        RuleFor(p => p.EndsOn).NotNull().PlannedDate();
        RuleFor(p => p.EndsOn).GreaterThanOrEqualTo(p => p.StartsOn)
            .When(p => p.StartsOn is not null && p.EndsOn is not null).WithMessage("On or after the start date.");
        RuleFor(p => p.Budget).NotNull();
        RuleFor(p => p.Budget!).ChildRules(budget =>
        {
            budget.RuleFor(b => b.CashContribution).NotNull().Must(IsAmount).WithMessage(AmountRule);
            budget.RuleFor(b => b.InKindPerAdult).NotNull().Must(IsAmount).WithMessage(AmountRule);
            budget.RuleFor(b => b.InKindPerChild).NotNull().Must(IsAmount).WithMessage(AmountRule);
            budget.RuleFor(b => b.ApprovalCeiling).NotNull().Must(IsAmount).WithMessage(AmountRule);
        }).When(p => p.Budget is not null);
        RuleFor(p => p.MonitoringMonths)
            .Must(m => m!.Count is >= 1 and <= 12).WithMessage("From 1 to 12 checkpoints.")
            .Must(m => m!.All(month => month is >= 1 and <= MaxMonths)).WithMessage($"Each from 1 to {MaxMonths} months after arrival.")
            .Must(m => m!.Zip(m!.Skip(1)).All(pair => pair.First < pair.Second)).WithMessage("In increasing order, each once.")
            .When(p => p.MonitoringMonths is not null);
        RuleFor(p => p.GracePeriodDays).InclusiveBetween(0, MaxGracePeriodDays);
    }

    private const string AmountRule = "An amount in EUR from 0 to 100000 with at most two decimals.";

    private static bool IsAmount(decimal? amount) =>
        amount is null || (amount >= 0 && amount <= MaxAmount && Amounts.HasAtMostDecimals(amount, 2));
}
