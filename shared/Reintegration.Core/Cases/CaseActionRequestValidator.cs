using FluentValidation;
using Reintegration.Core.Time;
using Reintegration.Core.Validation;

namespace Reintegration.Core.Cases;

/// <summary>The fields each action needs, checked before anything is read or written.</summary>
public sealed class CaseActionRequestValidator : AbstractValidator<(CaseAction Action, CaseActionRequest Request)>
{
    public const int MaxReasonLength = 1000;

    public CaseActionRequestValidator(ProgrammeClock clock)
    {
        RuleFor(x => x.Request.Reason).MaximumLength(MaxReasonLength).PlainText().OverridePropertyName("reason");
        RuleFor(x => x.Request.Reason).NotEmpty().OverridePropertyName("reason")
            .When(x => x.Action is CaseAction.Reject or CaseAction.Withdraw or CaseAction.Close or CaseAction.ReassignPartner or CaseAction.Transfer);
        RuleFor(x => x.Request.PartnerId).NotEmpty().Must(Ids.IdShapes.IsReference).WithMessage(ReferenceData.ReferenceIds.Rule).OverridePropertyName("partnerId")
            .When(x => x.Action is CaseAction.AssignPartner or CaseAction.ReassignPartner);
        RuleFor(x => x.Request.ReferringOrganisationId).NotEmpty().Must(Ids.IdShapes.IsReference).WithMessage(ReferenceData.ReferenceIds.Rule)
            .OverridePropertyName("referringOrganisationId")
            .When(x => x.Action is CaseAction.Transfer);
        RuleFor(x => x.Request.Date).NotNull().PastEvent(clock).OverridePropertyName("date")
            .When(x => x.Action is CaseAction.Depart or CaseAction.ConfirmArrival);
        RuleFor(x => x.Request.Outcome).NotEmpty()
            .Must(EnumNames.IsOne<CaseOutcome>).WithMessage(EnumNames.OneOf<CaseOutcome>()).OverridePropertyName("outcome")
            .When(x => x.Action is CaseAction.Close);
    }
}
