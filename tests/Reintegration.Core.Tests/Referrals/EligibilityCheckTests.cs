using Reintegration.Core.ReferenceData;
using Reintegration.Core.Referrals;

namespace Reintegration.Core.Tests.Referrals;

public class EligibilityCheckTests
{
    private static Task<EligibilityOutcome> Evaluate(ReferralRequest referral, ReferenceDataSet? reference = null, DateTimeOffset? at = null) =>
        new EligibilityCheck(new InMemoryReferenceData(reference ?? TestData.Reference()), TestData.Clock(at))
            .EvaluateAsync(referral, CancellationToken.None);

    [Fact]
    public async Task A_complete_referral_to_a_covered_country_is_eligible_in_the_active_phase()
    {
        var outcome = await Evaluate(TestData.ValidReferral());

        Assert.True(outcome.Eligible);
        Assert.Equal(TargetGroup.AsylumProcedureExhausted, outcome.Category);
        Assert.Equal("phase-4", outcome.Phase!.Id);
    }

    [Theory]
    [InlineData("AwaitingAsylumDecision")]
    [InlineData("TemporaryPermitHolder")]
    [InlineData("AsylumProcedureExhausted")]
    [InlineData("VulnerableMigrant")]
    public async Task Each_of_the_four_target_groups_is_accepted(string category)
    {
        var outcome = await Evaluate(TestData.ValidReferral() with { Category = category });
        Assert.True(outcome.Eligible);
    }

    [Theory]
    [InlineData("Tourist")]
    [InlineData("1")]
    [InlineData("awaitingasylumdecision")]
    public async Task An_unknown_category_fails_the_target_group_rule(string category)
    {
        var outcome = await Evaluate(TestData.ValidReferral() with { Category = category });
        Assert.Equal([EligibilityRules.CategoryRule], outcome.Failures.Select(f => f.Rule));
    }

    [Fact]
    public async Task A_country_outside_the_published_list_fails()
    {
        var outcome = await Evaluate(TestData.ValidReferral() with { CountryOfReturn = "SY" });
        Assert.Contains(EligibilityRules.CountryRule, outcome.Failures.Select(f => f.Rule));
        Assert.Contains(EligibilityRules.PartnerRule, outcome.Failures.Select(f => f.Rule));
    }

    [Fact]
    public async Task A_suspended_country_fails_with_its_reason()
    {
        var reference = TestData.Reference();
        reference = reference with
        {
            Countries = reference.Countries.Select(c => c.Code == "GH" ? c with { Active = false, SuspensionReason = "Unrest." } : c).ToList(),
        };
        var outcome = await Evaluate(TestData.ValidReferral(), reference);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(EligibilityRules.CountryRule, failure.Rule);
        Assert.Contains("Unrest.", failure.Detail);
    }

    [Fact]
    public async Task A_country_without_an_active_partner_fails()
    {
        var reference = TestData.Reference();
        reference = reference with { Organisations = reference.Organisations.Where(o => !o.Countries.Contains("NG")).ToList() };
        var outcome = await Evaluate(TestData.ValidReferral() with { CountryOfReturn = "NG" }, reference);
        Assert.Equal([EligibilityRules.PartnerRule], outcome.Failures.Select(f => f.Rule));
    }

    [Fact]
    public async Task Outside_every_programme_phase_the_referral_fails()
    {
        var outcome = await Evaluate(TestData.ValidReferral(), at: new DateTimeOffset(2023, 6, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal([EligibilityRules.PhaseRule], outcome.Failures.Select(f => f.Rule));
    }

    [Fact]
    public async Task The_phase_is_the_one_active_on_the_programme_day_not_the_utc_day()
    {
        // 23:30 UTC on the last day of phase 3 is already 1 November in Amsterdam: phase 4.
        var outcome = await Evaluate(TestData.ValidReferral(), at: new DateTimeOffset(2025, 10, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal("phase-4", outcome.Phase!.Id);
    }

    [Fact]
    public async Task An_eu_national_is_not_served()
    {
        var referral = TestData.ValidReferral();
        var outcome = await Evaluate(referral with { Person = referral.Person! with { Nationality = "DE" } });
        Assert.Equal([EligibilityRules.NationalityRule], outcome.Failures.Select(f => f.Rule));
    }

    [Fact]
    public async Task Without_consent_to_share_the_referral_fails()
    {
        var referral = TestData.ValidReferral();
        var outcome = await Evaluate(referral with { Consent = referral.Consent! with { SharingWithPartner = false } });
        Assert.Equal([EligibilityRules.ConsentRule], outcome.Failures.Select(f => f.Rule));
    }

    [Fact]
    public async Task Every_failed_rule_is_named_at_once()
    {
        var referral = TestData.ValidReferral();
        var outcome = await Evaluate(referral with
        {
            Category = "Unknown",
            CountryOfReturn = "SY",
            Person = referral.Person! with { Nationality = "FR" },
            Consent = referral.Consent! with { SharingWithPartner = false },
        }, at: new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [EligibilityRules.CategoryRule, EligibilityRules.CountryRule, EligibilityRules.PartnerRule,
             EligibilityRules.PhaseRule, EligibilityRules.NationalityRule, EligibilityRules.ConsentRule],
            outcome.Failures.Select(f => f.Rule));
    }
}
