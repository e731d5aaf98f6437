using FluentValidation;
using Reintegration.Core.Referrals;
using Reintegration.Core.Time;

namespace Reintegration.Core.DataProtection;

/// <summary>
/// A correction of the person's details (GDPR art. 16). It names only what it corrects: a field left out stays as it
/// is; family members, when sent, are the whole corrected list.
/// </summary>
public sealed record PersonCorrection
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public ContactDetails? Contact { get; init; }
    public List<FamilyMemberDetails>? FamilyMembers { get; init; }
}

public sealed class PersonCorrectionValidator : AbstractValidator<PersonCorrection>
{
    public PersonCorrectionValidator(ProgrammeClock clock)
    {
        RuleFor(p => p.GivenName).NotEmpty().MaximumLength(ReferralRequestValidator.MaxNameLength)
            .Must(PlainText.IsPlain).WithMessage(PlainText.Rule).When(p => p.GivenName is not null);
        RuleFor(p => p.FamilyName).NotEmpty().MaximumLength(ReferralRequestValidator.MaxNameLength)
            .Must(PlainText.IsPlain).WithMessage(PlainText.Rule).When(p => p.FamilyName is not null);
        RuleFor(p => p.DateOfBirth).Must(d => Patterns.IsPlausibleBirthDate(d, clock)).WithMessage(Patterns.BirthDateMessage)
            .When(p => p.DateOfBirth is not null);
        RuleFor(p => p.Contact!.Phone).MaximumLength(30).Matches(@"^\+?[0-9 ()\-]{5,30}$")
            .WithMessage("Digits, spaces, brackets and dashes, optionally starting with +.").OverridePropertyName("contact.phone")
            .When(p => p.Contact?.Phone is not null);
        RuleFor(p => p.Contact!.Email).MaximumLength(254).EmailAddress().OverridePropertyName("contact.email")
            .When(p => p.Contact?.Email is not null);
        RuleFor(p => p.Contact!.Address).MaximumLength(500).Must(PlainText.IsPlain).WithMessage(PlainText.Rule)
            .OverridePropertyName("contact.address").When(p => p.Contact?.Address is not null);
        RuleFor(p => p.FamilyMembers).Must(m => m is null || m.Count <= ReferralRequestValidator.MaxFamilyMembers)
            .WithMessage($"At most {ReferralRequestValidator.MaxFamilyMembers} family members.");
        RuleForEach(p => p.FamilyMembers).NotNull().ChildRules(m =>
        {
            m.RuleFor(x => x.GivenName).NotEmpty().MaximumLength(ReferralRequestValidator.MaxNameLength).Must(PlainText.IsPlain).WithMessage(PlainText.Rule);
            m.RuleFor(x => x.FamilyName).NotEmpty().MaximumLength(ReferralRequestValidator.MaxNameLength).Must(PlainText.IsPlain).WithMessage(PlainText.Rule);
            m.RuleFor(x => x.DateOfBirth).NotNull().Must(d => Patterns.IsPlausibleBirthDate(d, clock)).WithMessage(Patterns.BirthDateMessage);
            m.RuleFor(x => x.Relationship).NotEmpty().Must(r => ReferralVocabulary.Relationships.Contains(r))
                .WithMessage($"One of: {string.Join(", ", ReferralVocabulary.Relationships)}.");
        });
        RuleFor(p => p).Must(p => p.GivenName is not null || p.FamilyName is not null || p.DateOfBirth is not null
                || p.Contact is not null || p.FamilyMembers is not null)
            .WithMessage("Name at least one field to correct.").OverridePropertyName("body");
    }
}
