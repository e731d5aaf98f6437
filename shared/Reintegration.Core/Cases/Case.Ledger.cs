using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Cases;

/// <summary>Spending and the cash contribution: when the case takes them; the ledger keeps their rules.</summary>
public sealed partial class Case
{
    /// <summary>The partner spends the in-kind budget after the returnee arrived.</summary>
    public bool AcceptsSpending => Status is CaseStatus.Arrived or CaseStatus.Monitoring;

    /// <summary>Records the spending, or does nothing when one with its id is there already (a retried request).</summary>
    public SpendingRecord RecordSpending(Caller partner, DateTimeOffset now, SpendingRecord spending)
    {
        if (Spending.Find(spending.Id) is { } recorded)
        {
            return recorded;
        }
        if (!AcceptsSpending)
        {
            throw new ConflictException($"Spending is recorded after arrival; the case is {Status}.");
        }
        var line = ApprovedPlan?.BudgetLines.FirstOrDefault(l => l.Id == spending.BudgetLineId)
            ?? throw new RuleViolationException("Unknown budget line.",
                [new RuleFailure("budget-line", $"The approved plan has no budget line '{spending.BudgetLineId}'.")]);
        var added = Spending.Add(spending, line);
        Record("record-spending", partner, now, $"{added.AmountEur:0.00} EUR on {line.Id}");
        return added;
    }

    public SpendingRecord AttachReceipt(Caller partner, DateTimeOffset now, string spendingId, string documentId)
    {
        var proven = Spending.AttachReceipt(spendingId, documentId);
        Record("attach-receipt", partner, now, $"Receipt for {spendingId}");
        return proven;
    }

    public void RecordCashPayment(Caller actor, DateTimeOffset now, DateOnly paidOn, string proofDocumentId)
    {
        if (CashContributionPaid is not null)
        {
            throw new ConflictException($"The cash contribution was recorded as paid on {CashContributionPaid.PaidOn:yyyy-MM-dd}.");
        }
        if (ApprovedPlan is null || Status is not (CaseStatus.PlanApproved or CaseStatus.Departed or CaseStatus.Arrived or CaseStatus.Monitoring))
        {
            throw new ConflictException($"The cash contribution is paid once the plan is approved; the case is {Status}.");
        }
        CashContributionPaid = new CashPayment(paidOn, ApprovedPlan.CashContribution, proofDocumentId, now, actor.UserId);
        Record("pay-cash-contribution", actor, now, $"{ApprovedPlan.CashContribution:0.00} EUR");
    }
}
