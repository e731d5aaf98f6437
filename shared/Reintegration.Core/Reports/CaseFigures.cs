using Reintegration.Core.Cases;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.Referrals;

namespace Reintegration.Core.Reports;

/// <summary>
/// What the reports need of one case, and nothing about the person: no name, birth date, contact, family,
/// vulnerabilities, narrative or document. Kept in the report-figures projection, one per case.
/// </summary>
public sealed record CaseFigures
{
    public required string CaseId { get; init; }
    public required string PhaseId { get; init; }
    public required string ReferringOrganisationId { get; init; }
    public string? PartnerId { get; init; }
    /// <summary>While consent to share is withdrawn, the partner's figures leave the case out, as its listings do.</summary>
    public required bool SharedWithPartner { get; init; }
    public required string Country { get; init; }
    public required TargetGroup TargetGroup { get; init; }
    public required CaseStatus Status { get; init; }
    public CaseOutcome? Outcome { get; init; }
    public required DateOnly ReferredOn { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    public DateOnly? RejectedOn { get; init; }
    public DateOnly? PlanApprovedOn { get; init; }
    public DateOnly? DepartedOn { get; init; }
    public DateOnly? ArrivedOn { get; init; }
    public DateOnly? MonitoringCompletedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public IReadOnlyList<AreaAmount> Reserved { get; init; } = [];
    public IReadOnlyList<AreaSpending> Spent { get; init; } = [];
    public decimal? CashContribution { get; init; }
    public DateOnly? CashPaidOn { get; init; }
    public IReadOnlyList<CheckpointFigures> Checkpoints { get; init; } = [];

    /// <summary>The case's figures; dates of timeline entries are days in the programme's time zone.</summary>
    public static CaseFigures Of(Case @case, TimeZoneInfo zone)
    {
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        DateOnly? First(string action) => @case.Timeline.Where(e => e.Action == action).Select(e => (DateOnly?)Day(e.At)).FirstOrDefault();
        var closings = @case.Timeline.Where(e => e.Action is "submit-report" or "waive-checkpoint").Select(e => Day(e.At)).ToList();
        var monitoringDone = @case.Checkpoints.Count > 0 && @case.Checkpoints.All(c => !c.IsOpen) && closings.Count > 0;
        return new CaseFigures
        {
            CaseId = @case.Id,
            PhaseId = @case.PhaseId,
            ReferringOrganisationId = @case.ReferringOrganisationId,
            PartnerId = @case.PartnerId,
            SharedWithPartner = @case.SharedWithPartner,
            Country = @case.CountryOfReturn,
            TargetGroup = @case.Category,
            Status = @case.Status,
            Outcome = @case.Outcome,
            ReferredOn = @case.ReferredOn,
            AcceptedOn = First("accept"),
            RejectedOn = First("reject"),
            PlanApprovedOn = First("approve-plan"),
            DepartedOn = @case.DepartedOn,
            ArrivedOn = @case.ArrivedOn,
            MonitoringCompletedOn = monitoringDone ? closings.Max() : null,
            EndedOn = @case.Status is CaseStatus.Closed or CaseStatus.Rejected
                ? @case.EndedOn ?? Day(@case.StatusChangedAt)
                : null,
            Reserved = (@case.ApprovedPlan?.BudgetLines ?? []).GroupBy(l => l.Area)
                .Select(g => new AreaAmount(g.Key, g.Sum(l => l.Amount))).ToList(),
            Spent = @case.Spending.Select(s => new AreaSpending(s.SupportArea, s.PaidOn, s.AmountEur)).ToList(),
            CashContribution = @case.ApprovedPlan?.CashContribution,
            CashPaidOn = @case.CashContributionPaid?.PaidOn,
            Checkpoints = @case.Checkpoints.Select(c => new CheckpointFigures(c.Id, c.MonthsAfterArrival, c.DueOn,
                c.SubmittedAt is { } at ? Day(at) : null, c.SubmittedLate, c.WaivedReason is not null, c.Report?.Scores)).ToList(),
        };
    }
}

public sealed record AreaAmount(SupportArea Area, decimal AmountEur);

public sealed record AreaSpending(SupportArea Area, DateOnly PaidOn, decimal AmountEur);

/// <summary>A checkpoint's dates and, when reported on, its scores (never the answers or the narrative).</summary>
public sealed record CheckpointFigures(string Id, int MonthsAfterArrival, DateOnly DueOn, DateOnly? SubmittedOn, bool SubmittedLate,
    bool Waived, SustainabilityScores? Scores);
