using FluentValidation;
using Reintegration.Core.Time;

namespace Reintegration.Core.Spending;

public sealed record SpendingRequest
{
    public string? BudgetLineId { get; init; }
    public DateOnly? PaidOn { get; init; }
    public decimal? AmountPaid { get; init; }
    public string? Currency { get; init; }
    public decimal? ExchangeRate { get; init; }
    public decimal? AmountEur { get; init; }
    public string? Description { get; init; }
    public string? ReceiptDocumentId { get; init; }
}

public sealed record ReceiptRequest
{
    public string? DocumentId { get; init; }
}

public sealed record CashPaymentRequest
{
    public DateOnly? PaidOn { get; init; }
    public string? ProofDocumentId { get; init; }
}

public sealed class SpendingRequestValidator : AbstractValidator<SpendingRequest>
{
    public const decimal MaxAmount = 1_000_000_000m;

    public SpendingRequestValidator(ProgrammeClock clock)
    {
        RuleFor(s => s.BudgetLineId).NotEmpty().MaximumLength(50);
        RuleFor(s => s.PaidOn).NotNull().Must(d => d is null || d <= clock.Today).WithMessage("A date that is not in the future.");
        RuleFor(s => s.AmountPaid).NotNull().GreaterThan(0m).LessThanOrEqualTo(MaxAmount)
            .Must(a => a is null || decimal.Round(a.Value, 2) == a).WithMessage("An amount above 0 with at most two decimals.");
        RuleFor(s => s.Currency).NotEmpty().Must(c => c is null || Currencies.Codes.Contains(c))
            .WithMessage("An ISO 4217 currency code in capitals, such as GHS or EUR.");
        RuleFor(s => s.ExchangeRate).NotNull().GreaterThan(0m).LessThanOrEqualTo(MaxAmount);
        RuleFor(s => s.ExchangeRate).Equal(1m).When(s => s.Currency == Currencies.Euro)
            .WithMessage("A payment in EUR has the exchange rate 1.");
        RuleFor(s => s.AmountEur).NotNull().GreaterThan(0m)
            .Must(a => a is null || decimal.Round(a.Value, 2) == a).WithMessage("An amount above 0 with at most two decimals.");
        RuleFor(s => s.AmountEur)
            .Must((s, eur) => eur is null || s.AmountPaid is null || s.ExchangeRate is not > 0m
                || Math.Abs(decimal.Round(s.AmountPaid.Value / s.ExchangeRate.Value, 2) - eur.Value) <= 0.01m)
            .WithMessage("The amount in EUR must be the amount paid divided by the exchange rate, to the cent.");
        RuleFor(s => s.Description).NotEmpty().MaximumLength(500);
        RuleFor(s => s.ReceiptDocumentId).MaximumLength(50);
    }
}
