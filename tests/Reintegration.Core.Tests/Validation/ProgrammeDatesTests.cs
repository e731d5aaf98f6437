using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Referrals;
using Reintegration.Core.Spending;
using Reintegration.Core.Validation;

namespace Reintegration.Core.Tests.Validation;

public class ProgrammeDatesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestData.Now.UtcDateTime);

    private static IReadOnlyCollection<string> Refused(FluentValidation.Results.ValidationResult result)
    {
        try
        {
            RequestValidation.ThrowIfInvalid(result);
            return [];
        }
        catch (RequestValidationException e)
        {
            return [.. e.Errors.Keys];
        }
    }

    [Theory]
    [InlineData("0001-01-01", false)]
    [InlineData("1899-12-31", false)]
    [InlineData("1900-01-01", true)]
    [InlineData("today", true)]
    [InlineData("tomorrow", false)]
    public void A_date_of_birth_is_from_1900_to_today(string date, bool accepted)
    {
        var referral = TestData.ValidReferral();
        var refused = Refused(new ReferralRequestValidator(TestData.Clock()).Validate(
            referral with { Person = referral.Person! with { DateOfBirth = Parse(date) } }));
        Assert.Equal(accepted, !refused.Contains("person.dateOfBirth"));
    }

    [Theory]
    [InlineData("0001-01-01", false)]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("today", true)]
    [InlineData("tomorrow", false)]
    public void Consent_departure_and_payments_are_dated_from_2000_to_today(string date, bool accepted)
    {
        var clock = TestData.Clock();
        var referral = TestData.ValidReferral();
        var consent = Refused(new ReferralRequestValidator(clock).Validate(referral with { Consent = referral.Consent! with { GivenOn = Parse(date) } }));
        var departure = Refused(new CaseActionRequestValidator(clock).Validate((CaseAction.Depart, new CaseActionRequest { Date = Parse(date) })));
        var payment = Refused(new SpendingRequestValidator(clock).Validate(Spending.Valid() with { PaidOn = Parse(date) }));
        Assert.Equal(accepted, !consent.Contains("consent.givenOn"));
        Assert.Equal(accepted, !departure.Contains("date"));
        Assert.Equal(accepted, !payment.Contains("paidOn"));
    }

    [Theory]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("9899-12-31", true)]
    [InlineData("9900-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void A_phase_runs_between_2000_and_9899(string date, bool accepted)
    {
        var phase = new PhaseRequest
        {
            Name = "Phase", StartsOn = ProgrammeDates.EarliestEvent, EndsOn = Parse(date),
            Budget = new BudgetPolicyRequest { CashContribution = 0, InKindPerAdult = 0, InKindPerChild = 0, ApprovalCeiling = 0 },
        };
        Assert.Equal(accepted, !Refused(new PhaseRequestValidator().Validate(phase)).Contains("endsOn"));
    }

    private static DateOnly Parse(string date) => date switch
    {
        "today" => Today,
        "tomorrow" => Today.AddDays(1),
        _ => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
    };
}
