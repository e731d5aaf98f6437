using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Plans;

/// <summary>
/// A plan's totals against the phase's budget policy for the household. Within policy: the in-kind
/// total fits the household's allowance and the approval ceiling, and the cash contribution fits
/// the policy's. Anything above needs a coordinator's approval with a reason.
/// </summary>
public sealed record BudgetAssessment(
    int Adults,
    int Children,
    decimal HouseholdAllowance,
    decimal ApprovalCeiling,
    decimal InKindTotal,
    decimal CashContribution,
    decimal PolicyCashContribution)
{
    public bool WithinPolicy =>
        InKindTotal <= HouseholdAllowance && InKindTotal <= ApprovalCeiling && CashContribution <= PolicyCashContribution;

    public static BudgetAssessment Of(BudgetPolicy policy, Household household, decimal inKindTotal, decimal cashContribution) =>
        new(household.Adults, household.Children,
            policy.InKindPerAdult * household.Adults + policy.InKindPerChild * household.Children,
            policy.ApprovalCeiling, inKindTotal, cashContribution, policy.CashContribution);
}

/// <summary>Who returns: the returnee and the family members who go with them, counted on the referral day.</summary>
public sealed record Household(int Adults, int Children)
{
    public const int AdultAge = 18;

    public static Household Of(DateOnly on, DateOnly returneeBirthDate, IEnumerable<DateOnly> familyBirthDates)
    {
        var ages = familyBirthDates.Prepend(returneeBirthDate).Select(birth => AgeOn(on, birth)).ToList();
        var adults = ages.Count(a => a >= AdultAge);
        return new Household(adults, ages.Count - adults);
    }

    public static int AgeOn(DateOnly on, DateOnly birth)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }
}
