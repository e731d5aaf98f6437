using FluentValidation;
using Reintegration.Core.Validation;

namespace Reintegration.Core.Plans;

public sealed class PlanRequestValidator : AbstractValidator<PlanRequest>
{
    public const int MaxItems = 30;
    public const decimal MaxAmount = 100_000m;

    public PlanRequestValidator()
    {
        RuleFor(p => p.Goals).NotNull().Must(g => g is null || g.Count is > 0 and <= MaxItems)
            .WithMessage($"From 1 to {MaxItems} goals.");
        RuleForEach(p => p.Goals).NotNull().ChildRules(goal =>
        {
            goal.RuleFor(g => g.Area).NotEmpty().Must(BeAnArea).WithMessage(AreaMessage);
            goal.RuleFor(g => g.Description).NotEmpty().MaximumLength(1000).PlainText();
        });
        RuleFor(p => p.BudgetLines).NotNull().Must(l => l is null || l.Count <= MaxItems)
            .WithMessage($"At most {MaxItems} budget lines.");
        RuleForEach(p => p.BudgetLines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.Id).MaximumLength(50);
            line.RuleFor(l => l.Area).NotEmpty().Must(BeAnArea).WithMessage(AreaMessage);
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(500).PlainText();
            line.RuleFor(l => l.Amount).NotNull().GreaterThan(0m).LessThanOrEqualTo(MaxAmount).Must(HaveCents)
                .WithMessage("An amount in EUR above 0 with at most two decimals.");
        });
        RuleFor(p => p.BudgetLines).Must(l => l is null || l.Where(x => x?.Id is not null).GroupBy(x => x!.Id).All(g => g.Count() == 1))
            .WithMessage("Each line id at most once.");
        RuleFor(p => p.CashContribution).NotNull().GreaterThanOrEqualTo(0m).LessThanOrEqualTo(MaxAmount).Must(HaveCents)
            .WithMessage("An amount in EUR of 0 or more with at most two decimals.");
    }

    private static readonly string AreaMessage = EnumNames.OneOf<SupportArea>();

    private static bool BeAnArea(string? area) => EnumNames.IsOne<SupportArea>(area);

    private static bool HaveCents(decimal? amount) => Amounts.HasAtMostDecimals(amount, 2);
}
