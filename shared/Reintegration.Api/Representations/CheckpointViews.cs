using Reintegration.Core.Access;
using Reintegration.Core.Monitoring;

namespace Reintegration.Api.Representations;

/// <summary>A monitoring checkpoint as staff see it: its status today and the partner's report with its scores and author.</summary>
public sealed record MonitoringCheckpointView(
    string Id, int MonthsAfterArrival, DateOnly DueOn, CheckpointStatus Status, DateTimeOffset? SubmittedAt, MonitoringReportView? Report,
    string? WaivedReason)
{
    public static readonly ViewsByRole<CheckpointView> ByRole = new ViewsByRole<CheckpointView>("checkpoint")
        .Give((_, c) => new MonitoringCheckpointView(c.Id, c.MonthsAfterArrival, c.DueOn, c.Status, c.SubmittedAt,
            MonitoringReportView.From(c.Report), c.WaivedReason), Role.Caseworker, Role.Coordinator, Role.Dpo)
        .Give((_, c) => new PartnerCheckpointView(c.Id, c.MonthsAfterArrival, c.DueOn, c.Status, c.SubmittedAt, PartnerReportView.From(c.Report),
            c.WaivedReason), Role.Partner);

    public static IReadOnlyList<object> For(Caller caller, IEnumerable<CheckpointView> checkpoints) => ByRole.ForEach(caller, checkpoints);

    /// <summary>
    /// The answer to a report or a waiver. The checkpoint is closed then, and a closed checkpoint's status
    /// depends on nothing but itself, so no day or grace period is needed.
    /// </summary>
    public static object For(Caller caller, Checkpoint closed) => ByRole.For(caller, new CheckpointView(closed.Id, closed.MonthsAfterArrival,
        closed.DueOn, CheckpointClock.StatusOn(closed, closed.DueOn, 0, new MonitoringWindows()), closed.SubmittedAt, closed.Report,
        closed.WaivedReason));
}

/// <summary>The partner's checkpoint: its own report, without the scores the programme derives from it.</summary>
public sealed record PartnerCheckpointView(
    string Id, int MonthsAfterArrival, DateOnly DueOn, CheckpointStatus Status, DateTimeOffset? SubmittedAt, PartnerReportView? Report,
    string? WaivedReason);

public sealed record MonitoringReportView(
    bool ContactMade, ContactMethod ContactMethod, HousingSituation Housing, WorkStatus Work, bool IncomeCoversBasicNeeds, HealthAccess Health,
    FamilyTies FamilyTies, bool TakesPartInCommunity, int Wellbeing, bool FeelsSafe, bool WantsToStay, bool BudgetUseOnTrack, string Narrative,
    IReadOnlyList<string> DocumentIds, SustainabilityScoresView Scores, string SubmittedBy)
{
    public static MonitoringReportView? From(MonitoringReport? r) => r is null ? null : new(
        r.ContactMade, r.ContactMethod, r.Housing, r.Work, r.IncomeCoversBasicNeeds, r.Health, r.FamilyTies, r.TakesPartInCommunity, r.Wellbeing,
        r.FeelsSafe, r.WantsToStay, r.BudgetUseOnTrack, r.Narrative, r.DocumentIds.ToList(),
        new SustainabilityScoresView(r.Scores.Economic, r.Scores.Social, r.Scores.Psychosocial), r.SubmittedBy);
}

public sealed record PartnerReportView(
    bool ContactMade, ContactMethod ContactMethod, HousingSituation Housing, WorkStatus Work, bool IncomeCoversBasicNeeds, HealthAccess Health,
    FamilyTies FamilyTies, bool TakesPartInCommunity, int Wellbeing, bool FeelsSafe, bool WantsToStay, bool BudgetUseOnTrack, string Narrative,
    IReadOnlyList<string> DocumentIds)
{
    public static PartnerReportView? From(MonitoringReport? r) => r is null ? null : new(
        r.ContactMade, r.ContactMethod, r.Housing, r.Work, r.IncomeCoversBasicNeeds, r.Health, r.FamilyTies, r.TakesPartInCommunity, r.Wellbeing,
        r.FeelsSafe, r.WantsToStay, r.BudgetUseOnTrack, r.Narrative, r.DocumentIds.ToList());
}

public sealed record SustainabilityScoresView(decimal Economic, decimal Social, decimal Psychosocial);
