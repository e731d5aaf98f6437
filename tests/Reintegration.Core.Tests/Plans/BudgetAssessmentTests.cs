using CsCheck;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Tests.Plans;

public class BudgetAssessmentTests
{
    private static readonly BudgetPolicy Policy = new()
    {
        CashContribution = 200m, InKindPerAdult = 1800m, InKindPerChild = 600m, ApprovalCeiling = 5000m,
    };

    private static readonly Gen<decimal> Cents = Gen.Int[1, 500_000].Select(c => c / 100m);

    [Fact]
    public void The_household_allowance_is_per_adult_and_per_child()
    {
        var assessment = BudgetAssessment.Of(Policy, new Household(2, 3), 0m, 0m);
        Assert.Equal(2 * 1800m + 3 * 600m, assessment.HouseholdAllowance);
    }

    [Fact]
    public void Ages_are_counted_on_the_referral_day()
    {
        var household = Household.Of(new DateOnly(2026, 3, 10), new DateOnly(1990, 1, 1),
            [new DateOnly(2008, 3, 10), new DateOnly(2008, 3, 11), new DateOnly(2015, 6, 1)]);
        Assert.Equal(new Household(2, 2), household);
    }

    [Fact]
    public void The_in_kind_total_is_the_exact_sum_of_the_lines_without_rounding_drift()
    {
        Cents.List[1, 30].Sample(amounts =>
        {
            var plan = new ReintegrationPlan
            {
                Version = 1, Status = PlanStatus.Draft, Goals = [], CashContribution = 0m,
                BudgetLines = amounts.Select((a, i) => new BudgetLine($"line-{i}", SupportArea.Work, "x", a)).ToList(),
                Assessment = BudgetAssessment.Of(Policy, new Household(1, 0), amounts.Sum(), 0m),
            };
            var cents = amounts.Sum(a => (long)(a * 100));
            Assert.Equal(cents, (long)(plan.InKindTotal * 100));
            Assert.Equal(plan.InKindTotal, decimal.Round(plan.InKindTotal, 2));
        });
    }

    [Fact]
    public void Within_policy_exactly_when_the_totals_fit_the_allowance_the_ceiling_and_the_cash_contribution()
    {
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 6], Cents, Gen.Int[0, 40_000].Select(c => c / 100m)).Sample((adults, children, inKind, cash) =>
        {
            var assessment = BudgetAssessment.Of(Policy, new Household(adults, children), inKind, cash);
            var allowance = adults * 1800m + children * 600m;
            Assert.Equal(inKind <= allowance && inKind <= 5000m && cash <= 200m, assessment.WithinPolicy);
            if (assessment.WithinPolicy)
            {
                Assert.True(inKind <= Policy.ApprovalCeiling);
            }
        });
    }
}
