using Reintegration.Core.Cases;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Plans;

/// <summary>Turns a validated plan request into a draft, assessed against the policy for the case's household.</summary>
public static class PlanDrafting
{
    public static ReintegrationPlan From(PlanRequest request, Case @case, BudgetPolicy policy)
    {
        var lines = request.BudgetLines!.Select((l, index) =>
            new BudgetLine($"line-{index + 1}", Enum.Parse<SupportArea>(l.Area!), l.Description!, l.Amount!.Value)).ToList();
        var household = Household.Of(@case.ReferredOn, @case.Person.DateOfBirth, @case.FamilyMembers.Select(m => m.DateOfBirth));
        var cash = request.CashContribution!.Value;
        return new ReintegrationPlan
        {
            Version = 0,
            Status = PlanStatus.Draft,
            Goals = request.Goals!.Select(g => new PlanGoal(Enum.Parse<SupportArea>(g.Area!), g.Description!)).ToList(),
            BudgetLines = lines,
            CashContribution = cash,
            Assessment = BudgetAssessment.Of(policy, household, lines.Sum(l => l.Amount), cash),
        };
    }
}
