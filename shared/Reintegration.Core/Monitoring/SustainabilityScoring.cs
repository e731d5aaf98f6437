namespace Reintegration.Core.Monitoring;

/// <summary>
/// The three dimensions of sustainable reintegration, each the mean of three answers scored 0 to 1,
/// rounded to two decimals. The formula is written down in docs/monitoring-scores.md; change both together.
/// </summary>
public static class SustainabilityScoring
{
    public static SustainabilityScores Score(ReportAnswers a) => new(
        Economic: Mean(Work(a.Work), a.IncomeCoversBasicNeeds ? 1m : 0m, Housing(a.Housing)),
        Social: Mean(Ties(a.FamilyTies), a.TakesPartInCommunity ? 1m : 0m, Health(a.Health)),
        Psychosocial: Mean((a.Wellbeing - 1) / 4m, a.FeelsSafe ? 1m : 0m, a.WantsToStay ? 1m : 0m));

    private static decimal Mean(decimal a, decimal b, decimal c) => decimal.Round((a + b + c) / 3m, 2, MidpointRounding.AwayFromZero);

    private static decimal Work(WorkStatus s) => s switch
    {
        WorkStatus.Employed or WorkStatus.SelfEmployed => 1m,
        WorkStatus.Training => 0.5m,
        _ => 0m,
    };

    private static decimal Housing(HousingSituation s) => s switch
    {
        HousingSituation.Stable => 1m,
        HousingSituation.Temporary => 0.5m,
        HousingSituation.Precarious => 0.25m,
        _ => 0m,
    };

    private static decimal Health(HealthAccess s) => s switch { HealthAccess.Good => 1m, HealthAccess.Limited => 0.5m, _ => 0m };

    private static decimal Ties(FamilyTies s) => s switch { FamilyTies.Strong => 1m, FamilyTies.Some => 0.5m, _ => 0m };
}

/// <summary>The structured answers that the scores are computed from.</summary>
public sealed record ReportAnswers(
    WorkStatus Work, bool IncomeCoversBasicNeeds, HousingSituation Housing,
    FamilyTies FamilyTies, bool TakesPartInCommunity, HealthAccess Health,
    int Wellbeing, bool FeelsSafe, bool WantsToStay);
