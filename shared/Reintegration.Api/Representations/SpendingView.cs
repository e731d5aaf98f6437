using Reintegration.Core.Access;
using Reintegration.Core.Plans;
using Reintegration.Core.Spending;

namespace Reintegration.Api.Representations;

/// <summary>
/// One spending, answered to the partner that records it (only partners do). Staff read the sums per line
/// in the budget; no other view of spending is decided, so no other role receives one.
/// </summary>
public sealed record SpendingView(
    string Id, string BudgetLineId, SupportArea SupportArea, DateOnly PaidOn, decimal AmountPaid, string Currency, decimal ExchangeRate,
    decimal AmountEur, string Description, string? ReceiptDocumentId, SpendingStatus Status, DateTimeOffset RecordedAt)
{
    public static readonly ViewsByRole<SpendingRecord> ByRole = new ViewsByRole<SpendingRecord>("spending")
        .Give((_, s) => new SpendingView(s.Id, s.BudgetLineId, s.SupportArea, s.PaidOn, s.AmountPaid, s.Currency, s.ExchangeRate, s.AmountEur,
            s.Description, s.ReceiptDocumentId, s.Status, s.RecordedAt), Role.Partner);

    public static object For(Caller caller, SpendingRecord spending) => ByRole.For(caller, spending);
}
