using FluentValidation;
using Reintegration.Core.Validation;

namespace Reintegration.Core.Monitoring;

/// <summary>What the partner sends for a checkpoint.</summary>
public sealed record ReportRequest
{
    public bool? ContactMade { get; init; }
    public string? ContactMethod { get; init; }
    public string? Housing { get; init; }
    public string? Work { get; init; }
    public bool? IncomeCoversBasicNeeds { get; init; }
    public string? Health { get; init; }
    public string? FamilyTies { get; init; }
    public bool? TakesPartInCommunity { get; init; }
    public int? Wellbeing { get; init; }
    public bool? FeelsSafe { get; init; }
    public bool? WantsToStay { get; init; }
    public bool? BudgetUseOnTrack { get; init; }
    public string? Narrative { get; init; }
    public List<string>? DocumentIds { get; init; }
}

public sealed class ReportRequestValidator : AbstractValidator<ReportRequest>
{
    public ReportRequestValidator()
    {
        RuleFor(r => r.ContactMade).NotNull();
        RuleFor(r => r.ContactMethod).Must(BeOne<ContactMethod>).WithMessage(Names<ContactMethod>());
        RuleFor(r => r.Housing).Must(BeOne<HousingSituation>).WithMessage(Names<HousingSituation>());
        RuleFor(r => r.Work).Must(BeOne<WorkStatus>).WithMessage(Names<WorkStatus>());
        RuleFor(r => r.IncomeCoversBasicNeeds).NotNull();
        RuleFor(r => r.Health).Must(BeOne<HealthAccess>).WithMessage(Names<HealthAccess>());
        RuleFor(r => r.FamilyTies).Must(BeOne<FamilyTies>).WithMessage(Names<FamilyTies>());
        RuleFor(r => r.TakesPartInCommunity).NotNull();
        RuleFor(r => r.Wellbeing).NotNull().InclusiveBetween(1, 5);
        RuleFor(r => r.FeelsSafe).NotNull();
        RuleFor(r => r.WantsToStay).NotNull();
        RuleFor(r => r.BudgetUseOnTrack).NotNull();
        RuleFor(r => r.Narrative).NotEmpty().MaximumLength(4000).PlainText();
        RuleFor(r => r.DocumentIds).Must(d => d is null || d.Count <= 20).WithMessage("At most 20 documents.");
        RuleForEach(r => r.DocumentIds).NotEmpty().MaximumLength(50);
    }

    private static bool BeOne<T>(string? value) where T : struct, Enum => EnumNames.IsOne<T>(value);

    private static string Names<T>() where T : struct, Enum => EnumNames.OneOf<T>();
}
