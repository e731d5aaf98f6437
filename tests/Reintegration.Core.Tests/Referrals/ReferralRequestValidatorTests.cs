using CsCheck;
using FluentValidation;
using Reintegration.Core.Errors;
using Reintegration.Core.Referrals;

namespace Reintegration.Core.Tests.Referrals;

public class ReferralRequestValidatorTests
{
    private readonly ReferralRequestValidator validator = new(TestData.Clock());

    private IReadOnlyDictionary<string, string[]> ErrorsOf(ReferralRequest referral)
    {
        try
        {
            RequestValidation.ThrowIfInvalid(validator.Validate(referral));
            return new Dictionary<string, string[]>();
        }
        catch (RequestValidationException e)
        {
            return e.Errors;
        }
    }

    [Fact]
    public void A_complete_referral_has_no_errors() => Assert.Empty(ErrorsOf(TestData.ValidReferral()));

    [Fact]
    public void An_empty_referral_names_every_missing_part()
    {
        var errors = ErrorsOf(new ReferralRequest());
        Assert.Equal(["category", "consent", "countryOfReturn", "person"], errors.Keys.Order());
    }

    [Fact]
    public void Missing_and_over_long_person_fields_are_named_by_their_json_path()
    {
        var referral = TestData.ValidReferral();
        var errors = ErrorsOf(referral with
        {
            Person = referral.Person! with { GivenName = new string('a', 101), FamilyName = null, DateOfBirth = null },
        });
        Assert.Equal(["person.dateOfBirth", "person.familyName", "person.givenName"], errors.Keys.Order());
    }

    [Fact]
    public void Family_members_are_checked_one_by_one_with_their_index()
    {
        var referral = TestData.ValidReferral();
        var errors = ErrorsOf(referral with
        {
            FamilyMembers = [referral.FamilyMembers![0], referral.FamilyMembers[0] with { Relationship = "Cousin" }],
        });
        Assert.Equal(["familyMembers[1].relationship"], errors.Keys);
    }

    [Fact]
    public void A_birth_date_in_the_future_and_a_lower_case_country_code_are_refused()
    {
        var referral = TestData.ValidReferral();
        var errors = ErrorsOf(referral with
        {
            CountryOfReturn = "gh",
            Person = referral.Person! with { DateOfBirth = new DateOnly(2027, 1, 1) },
        });
        Assert.Equal(["countryOfReturn", "person.dateOfBirth"], errors.Keys.Order());
    }

    [Fact]
    public void Consent_dated_in_the_future_or_recorded_in_an_unknown_way_is_refused()
    {
        var referral = TestData.ValidReferral();
        var errors = ErrorsOf(referral with
        {
            Consent = referral.Consent! with { GivenOn = new DateOnly(2026, 3, 11), Method = "Telepathy" },
        });
        Assert.Equal(["consent.givenOn", "consent.method"], errors.Keys.Order());
    }

    [Fact]
    public void Too_many_family_members_are_refused()
    {
        var referral = TestData.ValidReferral();
        var errors = ErrorsOf(referral with
        {
            FamilyMembers = Enumerable.Repeat(referral.FamilyMembers![0], ReferralRequestValidator.MaxFamilyMembers + 1).ToList(),
        });
        Assert.Equal(["familyMembers"], errors.Keys);
    }

    [Fact]
    public void Any_text_in_any_field_gives_a_verdict_and_never_an_exception()
    {
        var text = Gen.String[0, 300].Null();
        Gen.Select(text, text, text, text, text).Sample((given, family, country, category, email) =>
        {
            var referral = TestData.ValidReferral();
            referral = referral with
            {
                CountryOfReturn = country,
                Category = category,
                Person = referral.Person! with { GivenName = given, FamilyName = family, Contact = new ContactDetails { Email = email } },
            };
            var errors = ErrorsOf(referral);
            var valid = !string.IsNullOrEmpty(given) && given.Length <= 100 && !string.IsNullOrWhiteSpace(given)
                && !string.IsNullOrEmpty(family) && family.Length <= 100 && !string.IsNullOrWhiteSpace(family)
                && country is { Length: 2 } && country.All(char.IsAsciiLetterUpper)
                && !string.IsNullOrWhiteSpace(category) && category.Length <= 50;
            if (!valid)
            {
                Assert.NotEmpty(errors);
            }
        });
    }
}
