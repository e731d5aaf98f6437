using Reintegration.Core.Plans;
using FluentValidation;
using Reintegration.Core.Time;
using Reintegration.Core.Validation;

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

    /// <summary>
    /// The payment as recorded from this validated request, pending its receipt; the receipt and the recording
    /// organisation are the caller's to add.
    /// </summary>
    public SpendingRecord ToRecord(string id, SupportArea supportArea, DateTimeOffset recordedAt, string recordedBy) => new()
    {
        Id = id,
        BudgetLineId = BudgetLineId!,
        SupportArea = supportArea,
        PaidOn = PaidOn!.Value,
        AmountPaid = AmountPaid!.Value,
        Currency = Currency!,
        ExchangeRate = ExchangeRate!.Value,
        AmountEur = AmountEur!.Value,
        Description = Description!,
        Status = SpendingStatus.Pending,
        RecordedAt = recordedAt,
        RecordedBy = recordedBy,
    };
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

    /// <summary>
    /// Exchange rates are units of the currency per EUR. Bounded so the amount in EUR (paid / rate) always fits:
    /// 1e-28 once made the check itself overflow. No currency the programme pays in is outside these bounds.
    /// </summary>
    public const decimal MinExchangeRate = 0.000001m;
    public const decimal MaxExchangeRate = 1_000_000m;
    public const int ExchangeRateDecimals = 6;

    private const string CentsMessage = "An amount above 0 with at most two decimals.";

    public SpendingRequestValidator(ProgrammeClock clock)
    {
        RuleFor(s => s.BudgetLineId).NotEmpty().MaximumLength(50);
        RuleFor(s => s.PaidOn).NotNull().PastEvent(clock);
        RuleFor(s => s.AmountPaid).NotNull().GreaterThan(0m).LessThanOrEqualTo(MaxAmount)
            .Must(a => Amounts.HasAtMostDecimals(a, 2)).WithMessage(CentsMessage);
        RuleFor(s => s.Currency).NotEmpty().Must(c => c is null || Currencies.Codes.Contains(c))
            .WithMessage("An ISO 4217 currency code in capitals, such as GHS or EUR.");
        RuleFor(s => s.ExchangeRate).NotNull().InclusiveBetween(MinExchangeRate, MaxExchangeRate)
            .Must(r => Amounts.HasAtMostDecimals(r, ExchangeRateDecimals))
            .WithMessage($"A rate from {MinExchangeRate} to {MaxExchangeRate} with at most {ExchangeRateDecimals} decimals.");
        RuleFor(s => s.ExchangeRate).Equal(1m).When(s => s.Currency == Currencies.Euro)
            .WithMessage("A payment in EUR has the exchange rate 1.");
        RuleFor(s => s.AmountEur).NotNull().GreaterThan(0m).LessThanOrEqualTo(MaxAmount)
            .Must(a => Amounts.HasAtMostDecimals(a, 2)).WithMessage(CentsMessage);
        RuleFor(s => s.AmountEur)
            .Must((s, eur) => eur is null || MatchesConversion(s.AmountPaid, s.ExchangeRate, eur.Value))
            .WithMessage("The amount in EUR must be the amount paid divided by the exchange rate, to the cent.");
        RuleFor(s => s.Description).NotEmpty().MaximumLength(500).PlainText();
        RuleFor(s => s.ReceiptDocumentId).MaximumLength(50);
    }

    /// <summary>Compared only when all three are within their bounds (their own rules report them otherwise).</summary>
    private static bool MatchesConversion(decimal? paid, decimal? rate, decimal eur)
    {
        if (paid is not (> 0m and <= MaxAmount) || rate is not (>= MinExchangeRate and <= MaxExchangeRate) || eur is not (> 0m and <= MaxAmount))
        {
            return true;
        }
        return Amounts.TryDivide(paid.Value, rate.Value) is { } converted && Math.Abs(decimal.Round(converted, 2) - eur) <= 0.01m;
    }
}
