using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Cases;

/// <summary>The budget ledger: spending never exceeds what the approved plan reserved on a line.</summary>
public sealed partial class Case
{
    /// <summary>The partner spends the in-kind budget after the returnee arrived.</summary>
    public bool AcceptsSpending => Status is CaseStatus.Arrived or CaseStatus.Monitoring;

    /// <summary>Records the spending, or does nothing when one with its id is there already (a retried request).</summary>
    public SpendingRecord RecordSpending(Caller partner, DateTimeOffset now, SpendingRecord spending)
    {
        if (Spending.FirstOrDefault(s => s.Id == spending.Id) is { } recorded)
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
        var remaining = BudgetOverview.RemainingOn(this, line.Id);
        if (spending.AmountEur > remaining)
        {
            throw new RuleViolationException("This spending would exceed the amount reserved on the budget line.",
                [new RuleFailure("budget-line-exceeded",
                    $"{remaining:0.00} EUR remains on '{line.Description}'; spending more needs an approved plan revision.")]);
        }
        if (spending.ReceiptDocumentId is { } receipt)
        {
            EnsureReceiptUnused(receipt);
        }
        var added = spending with { SupportArea = line.Area };
        Spending.Add(added);
        Record("record-spending", partner, now, $"{added.AmountEur:0.00} EUR on {line.Id}");
        return added;
    }

    public SpendingRecord AttachReceipt(Caller partner, DateTimeOffset now, string spendingId, string documentId)
    {
        var index = Spending.FindIndex(s => s.Id == spendingId);
        if (index < 0)
        {
            throw new Errors.NotFoundException($"Spending {spendingId}");
        }
        if (Spending[index].Status == SpendingStatus.Proven)
        {
            throw new ConflictException("This spending has a receipt already.");
        }
        EnsureReceiptUnused(documentId);
        Spending[index] = Spending[index] with { ReceiptDocumentId = documentId, Status = SpendingStatus.Proven };
        Record("attach-receipt", partner, now, $"Receipt for {spendingId}");
        return Spending[index];
    }

    /// <summary>One receipt proves one spending (docs/decisions/0013): a receipt used once cannot prove a second purchase.</summary>
    private void EnsureReceiptUnused(string documentId)
    {
        if (Spending.FirstOrDefault(s => s.ReceiptDocumentId == documentId) is { } proven)
        {
            throw new RuleViolationException("This receipt already proves another spending.",
                [new RuleFailure("receipt-already-used", $"Receipt {documentId} proves spending {proven.Id}; upload the receipt of this purchase.")]);
        }
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

    /// <summary>A change that is not a transition: recorded in the timeline with the status unchanged.</summary>
    private void Record(string action, Caller actor, DateTimeOffset now, string? reason) =>
        Timeline.Add(new TimelineEntry
        {
            At = now,
            Action = action,
            ActorId = actor.UserId,
            ActorRole = actor.RoleName,
            ActorOrganisationId = actor.OrganisationId,
            From = Status,
            To = Status,
            Reason = reason,
        });
}
