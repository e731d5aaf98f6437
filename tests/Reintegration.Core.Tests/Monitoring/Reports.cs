using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Tests.Monitoring;

internal static class Reports
{
    public static MonitoringReport Sample() => new()
    {
        ContactMade = true, ContactMethod = ContactMethod.Phone, Housing = HousingSituation.Stable, Work = WorkStatus.Employed,
        IncomeCoversBasicNeeds = true, Health = HealthAccess.Good, FamilyTies = FamilyTies.Strong, TakesPartInCommunity = true,
        Wellbeing = 5, FeelsSafe = true, WantsToStay = true, BudgetUseOnTrack = true, Narrative = "Doing well.",
        Scores = new SustainabilityScores(1m, 1m, 1m), SubmittedBy = "partner-user-1",
    };
}
