using System.Text.Json.Serialization;
using Reintegration.Core.Errors;
using Reintegration.Core.Plans;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Cases.Parts;

/// <summary>
/// The budget ledger: every spending against the approved plan's lines. Spending never exceeds what a line reserves,
/// and one receipt proves one spending (docs/decisions/0013).
/// </summary>
[JsonConverter(typeof(CasePartConverter<CaseLedger, SpendingRecord>))]
public sealed class CaseLedger : CasePart<SpendingRecord>, ICasePart<CaseLedger, SpendingRecord>
{
    public CaseLedger() : base([])
    {
    }

    private CaseLedger(IEnumerable<SpendingRecord> records) : base(records)
    {
    }

    public static CaseLedger From(IEnumerable<SpendingRecord> items) => new(items);

    public SpendingRecord? Find(string spendingId) => Items.FirstOrDefault(s => s.Id == spendingId);

    /// <summary>What is spent or pending on the line: what it no longer has to give.</summary>
    public decimal CommittedOn(string budgetLineId) => Items.Where(s => s.BudgetLineId == budgetLineId).Sum(s => s.AmountEur);

    /// <summary>Adds a spending on a line of the approved plan, unless it exceeds what remains there or reuses a receipt.</summary>
    public SpendingRecord Add(SpendingRecord spending, BudgetLine line)
    {
        var remaining = line.Amount - CommittedOn(line.Id);
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
        Items.Add(added);
        return added;
    }

    public SpendingRecord AttachReceipt(string spendingId, string documentId)
    {
        var index = Items.FindIndex(s => s.Id == spendingId);
        if (index < 0)
        {
            throw new NotFoundException($"Spending {spendingId}");
        }
        if (Items[index].Status == SpendingStatus.Proven)
        {
            throw new ConflictException("This spending has a receipt already.");
        }
        EnsureReceiptUnused(documentId);
        Items[index] = Items[index] with { ReceiptDocumentId = documentId, Status = SpendingStatus.Proven };
        return Items[index];
    }

    /// <summary>The lines a plan revision would leave below what was already spent or is pending on them.</summary>
    public IReadOnlyList<string> LinesNotCoveredBy(ReintegrationPlan revision) =>
        Items.GroupBy(s => s.BudgetLineId)
            .Where(g => g.Sum(s => s.AmountEur) > (revision.BudgetLines.FirstOrDefault(l => l.Id == g.Key)?.Amount ?? 0m))
            .Select(g => g.Key).ToList();

    /// <summary>Names the partner that recorded each spending not yet stamped: it keeps its records when the case moves on.</summary>
    public void StampRecordedBy(string partnerId) =>
        ReplaceEach(s => s with { RecordedByOrganisationId = s.RecordedByOrganisationId ?? partnerId });

    /// <summary>Anonymisation keeps the amounts for the funder's audit and drops what people wrote.</summary>
    public void ForgetDescriptions() => ReplaceEach(s => s with { Description = "" });

    private void EnsureReceiptUnused(string documentId)
    {
        if (Items.FirstOrDefault(s => s.ReceiptDocumentId == documentId) is { } proven)
        {
            throw new RuleViolationException("This receipt already proves another spending.",
                [new RuleFailure("receipt-already-used", $"Receipt {documentId} proves spending {proven.Id}; upload the receipt of this purchase.")]);
        }
    }
}
