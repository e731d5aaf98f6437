namespace Reintegration.Core.Monitoring;

/// <summary>A partner's report at a checkpoint: structured answers, a narrative, attachments, and the scores derived from them.</summary>
public sealed record MonitoringReport
{
    public required bool ContactMade { get; init; }
    public required ContactMethod ContactMethod { get; init; }
    public required HousingSituation Housing { get; init; }
    public required WorkStatus Work { get; init; }
    public required bool IncomeCoversBasicNeeds { get; init; }
    public required HealthAccess Health { get; init; }
    public required FamilyTies FamilyTies { get; init; }
    public required bool TakesPartInCommunity { get; init; }
    /// <summary>1 (very poor) to 5 (very good), as the returnee describes it.</summary>
    public required int Wellbeing { get; init; }
    public required bool FeelsSafe { get; init; }
    public required bool WantsToStay { get; init; }
    public required bool BudgetUseOnTrack { get; init; }
    public required string Narrative { get; init; }
    public IReadOnlyList<string> DocumentIds { get; init; } = [];
    public required SustainabilityScores Scores { get; init; }
    public required string SubmittedBy { get; init; }
}

public enum ContactMethod { InPerson, Phone, Video, Message, None }

public enum HousingSituation { Stable, Temporary, Precarious, Homeless }

public enum WorkStatus { Employed, SelfEmployed, Training, Unemployed }

public enum HealthAccess { Good, Limited, None }

public enum FamilyTies { Strong, Some, None }

/// <summary>Economic, social and psychosocial sustainability, each from 0 to 1 (see docs/monitoring-scores.md).</summary>
public sealed record SustainabilityScores(decimal Economic, decimal Social, decimal Psychosocial);
