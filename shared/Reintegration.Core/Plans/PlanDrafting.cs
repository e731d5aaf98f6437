using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Plans;

/// <summary>Turns a validated plan request into a draft, assessed against the policy for the case's household.</summary>
public static class PlanDrafting
{
    public static ReintegrationPlan From(PlanRequest request, Case @case, BudgetPolicy policy)
    {
        var approvedIds = (@case.ApprovedPlan?.BudgetLines ?? []).Select(l => l.Id).ToHashSet();
        var unknown = request.BudgetLines!.Where(l => l.Id is not null && !approvedIds.Contains(l.Id)).Select(l => l.Id).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("A revision can only continue lines of the approved plan.",
                [new RuleFailure("budget-line", $"The approved plan has no line {string.Join(", ", unknown)}.")]);
        }
        // New lines get ids never used on this case, so spending stays attached to the line it was recorded on.
        var nextNumber = approvedIds.Select(id => int.TryParse(id.AsSpan("line-".Length), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var lines = request.BudgetLines!.Select(l =>
            new BudgetLine(l.Id ?? $"line-{nextNumber++}", Enum.Parse<SupportArea>(l.Area!), l.Description!, l.Amount!.Value)).ToList();
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
