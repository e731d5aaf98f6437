using CsCheck;
using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Tests.Monitoring;

public class SustainabilityScoringTests
{
    [Fact]
    public void The_best_and_the_worst_answers_score_one_and_zero()
    {
        Assert.Equal(new SustainabilityScores(1m, 1m, 1m), SustainabilityScoring.Score(new ReportAnswers(
            WorkStatus.Employed, true, HousingSituation.Stable, FamilyTies.Strong, true, HealthAccess.Good, 5, true, true)));
        Assert.Equal(new SustainabilityScores(0m, 0m, 0m), SustainabilityScoring.Score(new ReportAnswers(
            WorkStatus.Unemployed, false, HousingSituation.Homeless, FamilyTies.None, false, HealthAccess.None, 1, false, false)));
    }

    [Fact]
    public void A_mixed_report_scores_as_the_documented_formula_says()
    {
        // economic (training 0.5 + income 1 + precarious 0.25) / 3 = 0.583 -> 0.58
        // social (some ties 0.5 + community 0 + limited health 0.5) / 3 = 0.333 -> 0.33
        // psychosocial ((3 - 1) / 4 + safe 1 + stays 0) / 3 = 0.5
        var scores = SustainabilityScoring.Score(new ReportAnswers(
            WorkStatus.Training, true, HousingSituation.Precarious, FamilyTies.Some, false, HealthAccess.Limited, 3, true, false));
        Assert.Equal(new SustainabilityScores(0.58m, 0.33m, 0.50m), scores);
    }

    [Fact]
    public void Every_answer_gives_scores_between_zero_and_one_with_two_decimals()
    {
        Gen.Select(Gen.Enum<WorkStatus>(), Gen.Bool, Gen.Enum<HousingSituation>(), Gen.Enum<FamilyTies>(), Gen.Bool, Gen.Enum<HealthAccess>(),
                Gen.Int[1, 5], Gen.Bool.Select(Gen.Bool))
            .Sample((work, income, housing, ties, community, health, wellbeing, safeStays) =>
            {
                var s = SustainabilityScoring.Score(new ReportAnswers(work, income, housing, ties, community, health, wellbeing, safeStays.Item1, safeStays.Item2));
                Assert.All(new[] { s.Economic, s.Social, s.Psychosocial }, v =>
                {
                    Assert.InRange(v, 0m, 1m);
                    Assert.Equal(v, decimal.Round(v, 2));
                });
            });
    }
}
