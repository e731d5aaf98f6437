using Reintegration.Core.Plans;

namespace Reintegration.Core.Spending;

public enum SpendingStatus
{
    /// <summary>Recorded without a completed receipt: counts against the line, not yet proven.</summary>
    Pending,
    /// <summary>Proven by an accepted receipt.</summary>
    Proven,
}

/// <summary>One purchase paid from a budget line, as paid and in EUR.</summary>
public sealed record SpendingRecord
{
    public required string Id { get; init; }
    public required string BudgetLineId { get; init; }
    public required SupportArea SupportArea { get; init; }
    public required DateOnly PaidOn { get; init; }
    public required decimal AmountPaid { get; init; }
    public required string Currency { get; init; }
    /// <summary>Units of the paid currency that one euro bought.</summary>
    public required decimal ExchangeRate { get; init; }
    public required decimal AmountEur { get; init; }
    public required string Description { get; init; }
    public string? ReceiptDocumentId { get; init; }
    public required SpendingStatus Status { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    /// <summary>The partner organisation that recorded it: its record stays its own when another partner takes over.</summary>
    public string? RecordedByOrganisationId { get; init; }
}

/// <summary>The cash contribution, paid once.</summary>
public sealed record CashPayment(DateOnly PaidOn, decimal Amount, string ProofDocumentId, DateTimeOffset RecordedAt, string RecordedBy);
