using FluentValidation;
using Reintegration.Core.Time;
using Reintegration.Core.Validation;

namespace Reintegration.Core.Referrals;

/// <summary>Checks the shape of a referral (present, well formed, not too long). Answers 400 when it fails.</summary>
public sealed class ReferralRequestValidator : AbstractValidator<ReferralRequest>
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 1000;
    public const int MaxFamilyMembers = 20;
    public const int MaxVulnerabilities = 20;

    public ReferralRequestValidator(ProgrammeClock clock)
    {
        RuleFor(r => r.Person).NotNull().SetValidator(new PersonValidator(clock)!);
        RuleFor(r => r.CountryOfReturn).NotEmpty().Matches(Patterns.CountryCode).WithMessage(Patterns.CountryCodeMessage);
        RuleFor(r => r.Category).NotEmpty().MaximumLength(50).PlainText();
        RuleFor(r => r.FamilyMembers).Must(m => m is null || m.Count <= MaxFamilyMembers)
            .WithMessage($"At most {MaxFamilyMembers} family members.");
        RuleForEach(r => r.FamilyMembers).NotNull().SetValidator(new FamilyMemberValidator(clock));
        RuleFor(r => r.Vulnerabilities).Must(v => v is null || v.Count <= MaxVulnerabilities)
            .WithMessage($"At most {MaxVulnerabilities} vulnerabilities.");
        RuleForEach(r => r.Vulnerabilities).NotNull().SetValidator(new VulnerabilityValidator());
        RuleFor(r => r.Consent).NotNull().SetValidator(new ConsentValidator(clock)!);
    }

    private sealed class PersonValidator : AbstractValidator<PersonDetails>
    {
        public PersonValidator(ProgrammeClock clock)
        {
            RuleFor(p => p.GivenName).NotEmpty().MaximumLength(MaxNameLength).PlainText();
            RuleFor(p => p.FamilyName).NotEmpty().MaximumLength(MaxNameLength).PlainText();
            RuleFor(p => p.DateOfBirth).NotNull().BirthDate(clock);
            RuleFor(p => p.Nationality).NotEmpty().Matches(Patterns.CountryCode).WithMessage(Patterns.CountryCodeMessage);
            RuleFor(p => p.Contact).SetValidator(new ContactValidator()!);
        }
    }

    /// <summary>Also checks corrections of the contact details.</summary>
    internal sealed class ContactValidator : AbstractValidator<ContactDetails>
    {
        public ContactValidator()
        {
            RuleFor(c => c.Phone).MaximumLength(30).Matches(@"^\+?[0-9 ()\-]{5,30}$").When(c => c.Phone is not null)
                .WithMessage("Digits, spaces, brackets and dashes, optionally starting with +.");
            RuleFor(c => c.Email).MaximumLength(254).EmailAddress().PlainText().When(c => c.Email is not null);
            RuleFor(c => c.Address).MaximumLength(500).PlainText();
        }
    }

    /// <summary>Also checks corrected family members.</summary>
    internal sealed class FamilyMemberValidator : AbstractValidator<FamilyMemberDetails>
    {
        public FamilyMemberValidator(ProgrammeClock clock)
        {
            RuleFor(m => m.GivenName).NotEmpty().MaximumLength(MaxNameLength).PlainText();
            RuleFor(m => m.FamilyName).NotEmpty().MaximumLength(MaxNameLength).PlainText();
            RuleFor(m => m.DateOfBirth).NotNull().BirthDate(clock);
            RuleFor(m => m.Relationship).NotEmpty().PlainText().Must(r => ReferralVocabulary.Relationships.Contains(r))
                .WithMessage($"One of: {string.Join(", ", ReferralVocabulary.Relationships)}.");
        }
    }

    private sealed class VulnerabilityValidator : AbstractValidator<VulnerabilityDetails>
    {
        public VulnerabilityValidator()
        {
            RuleFor(v => v.Kind).NotEmpty().Must(k => ReferralVocabulary.VulnerabilityKinds.Contains(k))
                .WithMessage($"One of: {string.Join(", ", ReferralVocabulary.VulnerabilityKinds)}.");
            RuleFor(v => v.Description).MaximumLength(MaxTextLength).PlainText();
        }
    }

    private sealed class ConsentValidator : AbstractValidator<ConsentDetails>
    {
        public ConsentValidator(ProgrammeClock clock)
        {
            RuleFor(c => c.SharingWithPartner).NotNull();
            RuleFor(c => c.GivenOn).NotNull().PastEvent(clock);
            RuleFor(c => c.Method).NotEmpty().Must(m => ReferralVocabulary.ConsentMethods.Contains(m))
                .WithMessage($"One of: {string.Join(", ", ReferralVocabulary.ConsentMethods)}.");
        }
    }
}

internal static class Patterns
{
    public const string CountryCode = "^[A-Z]{2}$";
    public const string CountryCodeMessage = "An ISO 3166-1 alpha-2 country code in capitals, such as GH.";
}
