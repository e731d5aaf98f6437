using CsCheck;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Tests.Validation;

/// <summary>No number of any size or precision makes a validator throw: each is a 400 naming the field, or accepted.</summary>
public class AmountBoundsTests
{
    // Values within the bounds are as likely as values outside them, so that rules comparing fields are reached.
    private static readonly Gen<decimal?> AnyDecimal = Gen.OneOf(
        Gen.Decimal.Select(d => (decimal?)d),
        Gen.Decimal[0.000001m, 1_000_000m].Select(d => (decimal?)d),
        Gen.Decimal[0.000001m, 1_000_000m].Select(d => (decimal?)decimal.Round(d, 2)),
        Gen.OneOf(new decimal?[] {null, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m,
            0m, 1m, 7.9228162514264337593543950335m, 1_000_000_000.01m }));

    [Fact]
    public void An_exchange_rate_of_1e_minus_28_is_refused_not_an_overflow()
    {
        var result = new SpendingRequestValidator(TestData.Clock()).Validate(Spending.Valid() with
        {
            AmountPaid = 1_000_000_000m, ExchangeRate = 0.0000000000000000000000000001m,
        });
        Assert.Contains(result.Errors, e => e.PropertyName == "ExchangeRate");
    }

    [Theory]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("79228162514264337593543950335")]
    public void An_amount_in_EUR_at_the_ends_of_decimal_is_refused_not_an_overflow(string eur)
    {
        var result = new SpendingRequestValidator(TestData.Clock()).Validate(Spending.Valid() with
        {
            AmountEur = decimal.Parse(eur, System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains(result.Errors, e => e.PropertyName == "AmountEur");
    }

    [Theory]
    [InlineData("0.000001", true)]
    [InlineData("0.0000009", false)]
    [InlineData("1000000", true)]
    [InlineData("1000000.000001", false)]
    [InlineData("12.1234567", false)]
    [InlineData("12.123456", true)]
    public void An_exchange_rate_is_bounded_with_at_most_six_decimals(string rate, bool accepted)
    {
        var value = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        var result = new SpendingRequestValidator(TestData.Clock()).Validate(Spending.Valid() with
        {
            ExchangeRate = value, AmountEur = decimal.Round(1000m / value, 2),
        });
        Assert.Equal(accepted, !result.Errors.Any(e => e.PropertyName == "ExchangeRate"));
    }

    [Fact]
    public void Spending_amounts_and_rates_of_any_size_never_throw() =>
        Gen.Select(AnyDecimal, AnyDecimal, AnyDecimal).Sample((paid, rate, eur) =>
        {
            var result = new SpendingRequestValidator(TestData.Clock()).Validate(Spending.Valid() with { AmountPaid = paid, ExchangeRate = rate, AmountEur = eur });
            // Accepted only within the bounds.
            return !result.IsValid || (paid is > 0m and <= SpendingRequestValidator.MaxAmount
                && rate is >= SpendingRequestValidator.MinExchangeRate and <= SpendingRequestValidator.MaxExchangeRate
                && eur is > 0m and <= SpendingRequestValidator.MaxAmount);
        }, iter: 10_000);

    [Fact]
    public void Plan_and_phase_amounts_of_any_size_never_throw() =>
        Gen.Select(AnyDecimal, AnyDecimal).Sample((amount, cash) =>
        {
            new PlanRequestValidator().Validate(new PlanRequest
            {
                Goals = [new PlanGoalRequest { Area = "OwnBusiness", Description = "Shop" }],
                BudgetLines = [new BudgetLineRequest { Area = "OwnBusiness", Description = "Stock", Amount = amount }],
                CashContribution = cash,
            });
            new PhaseRequestValidator().Validate(new PhaseRequest
            {
                Name = "Phase", StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31),
                Budget = new BudgetPolicyRequest { CashContribution = amount, InKindPerAdult = cash, InKindPerChild = amount, ApprovalCeiling = cash },
            });
        });

    [Fact]
    public void Scores_months_and_grace_periods_of_any_size_never_throw() =>
        Gen.Select(Gen.Int, Gen.Int, Gen.Int).Sample((score, month, grace) =>
        {
            var errors = new ReportRequestValidator().Validate(new ReportRequest { Wellbeing = score }).Errors;
            Assert.Equal(score is < 1 or > 5, errors.Any(e => e.PropertyName == "Wellbeing"));
            new PhaseRequestValidator().Validate(new PhaseRequest { MonitoringMonths = [month, 1], GracePeriodDays = grace });
        });

    [Fact]
    public void A_refused_amount_is_a_400_naming_the_field()
    {
        var result = new SpendingRequestValidator(TestData.Clock()).Validate(Spending.Valid() with { AmountEur = decimal.MaxValue });
        var errors = Assert.Throws<RequestValidationException>(() => RequestValidation.ThrowIfInvalid(result)).Errors;
        Assert.Contains("amountEur", errors.Keys);
    }
}
