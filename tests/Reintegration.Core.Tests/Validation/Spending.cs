using Reintegration.Core.Spending;

namespace Reintegration.Core.Tests.Validation;

internal static class Spending
{
    /// <summary>1,000 GHS at 12.5 GHS per EUR.</summary>
    public static SpendingRequest Valid() => new()
    {
        BudgetLineId = "line-1",
        PaidOn = DateOnly.FromDateTime(TestData.Now.UtcDateTime).AddDays(-1),
        AmountPaid = 1000m,
        Currency = "GHS",
        ExchangeRate = 12.5m,
        AmountEur = 80m,
        Description = "Sewing machine",
    };
}
