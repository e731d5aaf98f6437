using Reintegration.Core.Cases;
using Reintegration.Core.Plans;

namespace Reintegration.Core.Spending;

/// <summary>Reserved, spent (proven), pending and remaining, per line and in total, in EUR.</summary>
public sealed record BudgetOverview(
    IReadOnlyList<BudgetLineBalance> Lines,
    decimal Reserved,
    decimal Spent,
    decimal Pending,
    decimal Remaining,
    decimal CashContribution,
    CashPayment? CashContributionPaid)
{
    public static BudgetOverview Of(Case @case)
    {
        var lines = (@case.ApprovedPlan?.BudgetLines ?? []).Select(line => Balance(@case, line)).ToList();
        return new BudgetOverview(lines,
            lines.Sum(l => l.Reserved), lines.Sum(l => l.Spent), lines.Sum(l => l.Pending), lines.Sum(l => l.Remaining),
            @case.ApprovedPlan?.CashContribution ?? 0m, @case.CashContributionPaid);
    }

    public static decimal RemainingOn(Case @case, string lineId) =>
        @case.ApprovedPlan?.BudgetLines.Where(l => l.Id == lineId).Select(l => Balance(@case, l).Remaining).FirstOrDefault() ?? 0m;

    private static BudgetLineBalance Balance(Case @case, BudgetLine line)
    {
        var onLine = @case.Spending.Where(s => s.BudgetLineId == line.Id).ToList();
        var spent = onLine.Where(s => s.Status == SpendingStatus.Proven).Sum(s => s.AmountEur);
        var pending = onLine.Where(s => s.Status == SpendingStatus.Pending).Sum(s => s.AmountEur);
        return new BudgetLineBalance(line.Id, line.Area, line.Description, line.Amount, spent, pending, line.Amount - spent - pending);
    }
}

public sealed record BudgetLineBalance(
    string BudgetLineId, SupportArea SupportArea, string Description, decimal Reserved, decimal Spent, decimal Pending, decimal Remaining);
