using Reintegration.Core.Errors;
using Reintegration.Core.Referrals;
using Reintegration.Core.Validation;

namespace Reintegration.Core.Tests.Validation;

public class PlainTextRuleTests
{
    [Theory]
    [InlineData("Mensah\nAdmin")]
    [InlineData("Mensah\r")]
    [InlineData("Men\tsah")]
    [InlineData("\u001b[31mMensah")]
    [InlineData("Mensah\u0085")]
    [InlineData("\u202EhasneM")]
    [InlineData("Men\u2066sah\u2069")]
    [InlineData("Men\u200Bsah")]
    [InlineData("Men\u200Dsah")]
    [InlineData("\u200FMensah")]
    [InlineData("Men\u2060sah")]
    [InlineData("\uFEFFMensah")]
    [InlineData("Mensah\u2028")]
    public void Control_invisible_direction_changing_and_broken_characters_are_refused(string text) =>
        Assert.False(PlainTextRule.IsPlainText(text));

    [Fact]
    public void Unpaired_surrogates_are_refused_and_paired_ones_accepted()
    {
        // Built here: test-case data would replace a lone surrogate with U+FFFD on its way to the test.
        Assert.False(PlainTextRule.IsPlainText("Mensah" + '\uD83D'));
        Assert.False(PlainTextRule.IsPlainText('\uDE00' + "Mensah"));
        Assert.False(PlainTextRule.IsPlainText("Men" + '\uDE00' + '\uD83D' + "sah"));
        Assert.True(PlainTextRule.IsPlainText("Mensah " + '\uD83D' + '\uDE00'));
    }

    [Theory]
    [InlineData("Ama Mensah")]
    [InlineData("Nguyễn Thị Minh Khai")]
    [InlineData("محمد العلي")]
    [InlineData("Ọláolúwa O'Brien-Ásgeirsdóttir")]
    [InlineData("A tailoring shop 🧵 in Kumasi, 2 machines; 50% paid.")]
    public void Names_in_any_script_with_punctuation_and_emoji_are_accepted(string text) =>
        Assert.True(PlainTextRule.IsPlainText(text));

    [Fact]
    public void Every_name_and_description_of_a_referral_uses_the_rule()
    {
        var validator = new ReferralRequestValidator(TestData.Clock());
        var referral = TestData.ValidReferral();
        var forged = referral with
        {
            Person = referral.Person! with
            {
                GivenName = "Ama\n", FamilyName = "\u202EMensah",
                Contact = referral.Person.Contact! with { Address = "Main St\t1", Email = "a\u200B@example.org" },
            },
            FamilyMembers = [referral.FamilyMembers![0] with { GivenName = "Ko\u0000fi", FamilyName = "Mensah\r" }],
            Vulnerabilities = [referral.Vulnerabilities![0] with { Description = "Needs\u2066 medication" }],
        };
        var errors = Assert.Throws<RequestValidationException>(() => RequestValidation.ThrowIfInvalid(validator.Validate(forged))).Errors;
        Assert.Equal(
            ["familyMembers[0].familyName", "familyMembers[0].givenName", "person.contact.address", "person.contact.email",
             "person.familyName", "person.givenName", "vulnerabilities[0].description"],
            errors.Keys.Order());
        Assert.All(errors, e => Assert.Contains(PlainTextRule.Message, e.Value));
    }
}
