using Microsoft.Extensions.Time.Testing;
using Reintegration.Core.Access;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Referrals;
using Reintegration.Core.Time;

namespace Reintegration.Core.Tests;

/// <summary>Builders for test input: a valid referral that each test changes in one place.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static ProgrammeClock Clock(DateTimeOffset? at = null) =>
        new(new FakeTimeProvider(at ?? Now), ProgrammeClock.DefaultZone);

    public static Caller Caseworker(string organisation = "org-ref-demo") => new("user-1", Role.Caseworker, organisation);

    public static ReferralRequest ValidReferral() => new()
    {
        Person = new PersonDetails
        {
            GivenName = "Ama",
            FamilyName = "Mensah",
            DateOfBirth = new DateOnly(1990, 4, 2),
            Nationality = "GH",
            Contact = new ContactDetails { Phone = "+31 6 1234 5678", Email = "ama@example.org" },
        },
        CountryOfReturn = "GH",
        Category = nameof(TargetGroup.AsylumProcedureExhausted),
        FamilyMembers = [new FamilyMemberDetails { GivenName = "Kofi", FamilyName = "Mensah", DateOfBirth = new DateOnly(2018, 1, 5), Relationship = "Child" }],
        Vulnerabilities = [new VulnerabilityDetails { Kind = "Health", Description = "Needs regular medication." }],
        Consent = new ConsentDetails { SharingWithPartner = true, GivenOn = new DateOnly(2026, 3, 1), Method = "SignedForm" },
    };

    public static ReferenceDataSet Reference() => ReferenceDataSeed.Load();
}
