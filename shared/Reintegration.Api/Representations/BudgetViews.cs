using Reintegration.Core.Access;
using Reintegration.Core.Plans;
using Reintegration.Core.Spending;

namespace Reintegration.Api.Representations;

/// <summary>Reserved, spent, pending and remaining per line and in total (EUR), and the cash contribution with who recorded its payment.</summary>
public sealed record BudgetView(
    IReadOnlyList<BudgetLineBalanceView> Lines, decimal Reserved, decimal Spent, decimal Pending, decimal Remaining, decimal CashContribution,
    CashPaymentView? CashContributionPaid)
{
    public static readonly ViewsByRole<BudgetOverview> ByRole = new ViewsByRole<BudgetOverview>("budget")
        .Give((_, b) => new BudgetView(BudgetLineBalanceView.Of(b), b.Reserved, b.Spent, b.Pending, b.Remaining, b.CashContribution,
            CashPaymentView.From(b.CashContributionPaid)), Role.Caseworker, Role.Coordinator, Role.Dpo)
        .Give((_, b) => new PartnerBudgetView(BudgetLineBalanceView.Of(b), b.Reserved, b.Spent, b.Pending, b.Remaining, b.CashContribution,
            PartnerCashPaymentView.From(b.CashContributionPaid)), Role.Partner);

    public static object For(Caller caller, BudgetOverview budget) => ByRole.For(caller, budget);
}

/// <summary>The partner's budget: the same sums, without the user id of whoever recorded the cash payment.</summary>
public sealed record PartnerBudgetView(
    IReadOnlyList<BudgetLineBalanceView> Lines, decimal Reserved, decimal Spent, decimal Pending, decimal Remaining, decimal CashContribution,
    PartnerCashPaymentView? CashContributionPaid);

public sealed record BudgetLineBalanceView(
    string BudgetLineId, SupportArea SupportArea, string Description, decimal Reserved, decimal Spent, decimal Pending, decimal Remaining)
{
    public static IReadOnlyList<BudgetLineBalanceView> Of(BudgetOverview b) =>
        b.Lines.Select(l => new BudgetLineBalanceView(l.BudgetLineId, l.SupportArea, l.Description, l.Reserved, l.Spent, l.Pending, l.Remaining))
            .ToList();
}

public sealed record CashPaymentView(DateOnly PaidOn, decimal Amount, string ProofDocumentId, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static CashPaymentView? From(CashPayment? p) => p is null ? null : new(p.PaidOn, p.Amount, p.ProofDocumentId, p.RecordedAt, p.RecordedBy);
}

public sealed record PartnerCashPaymentView(DateOnly PaidOn, decimal Amount, string ProofDocumentId, DateTimeOffset RecordedAt)
{
    public static PartnerCashPaymentView? From(CashPayment? p) => p is null ? null : new(p.PaidOn, p.Amount, p.ProofDocumentId, p.RecordedAt);
}
