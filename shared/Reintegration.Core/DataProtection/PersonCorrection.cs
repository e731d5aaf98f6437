using FluentValidation;
using Reintegration.Core.Validation;
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
            .PlainText().When(p => p.GivenName is not null);
        RuleFor(p => p.FamilyName).NotEmpty().MaximumLength(ReferralRequestValidator.MaxNameLength)
            .PlainText().When(p => p.FamilyName is not null);
        RuleFor(p => p.DateOfBirth).BirthDate(clock)
            .When(p => p.DateOfBirth is not null);
        RuleFor(p => p.Contact).SetValidator(new ReferralRequestValidator.ContactValidator()!);
        RuleFor(p => p.FamilyMembers).Must(m => m is null || m.Count <= ReferralRequestValidator.MaxFamilyMembers)
            .WithMessage($"At most {ReferralRequestValidator.MaxFamilyMembers} family members.");
        RuleForEach(p => p.FamilyMembers).NotNull().SetValidator(new ReferralRequestValidator.FamilyMemberValidator(clock));
        RuleFor(p => p).Must(p => p.GivenName is not null || p.FamilyName is not null || p.DateOfBirth is not null
                || p.Contact is not null || p.FamilyMembers is not null)
            .WithMessage("Name at least one field to correct.").OverridePropertyName("body");
    }
}
