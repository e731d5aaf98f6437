using FluentValidation;
using Reintegration.Core.Time;

namespace Reintegration.Core.Validation;

/// <summary>
/// The bounds every date a person sends must fall within, named once. A date outside them is a typing error
/// (0001-01-01, a year of 20260), and would otherwise reach schedules and reports that add months to it.
/// </summary>
public static class ProgrammeDates
{
    /// <summary>No returnee or family member is born before this.</summary>
    public static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>Nothing the programme records (consent, departure, arrival, payments, phases) happened before this.</summary>
    public static readonly DateOnly EarliestEvent = new(2000, 1, 1);

    /// <summary>
    /// The latest day a programme phase may be planned to run to: far enough to plan anything, and a century
    /// short of the last day a date can hold, so that schedules adding months and days to it stay dates.
    /// </summary>
    public static readonly DateOnly LatestPlanned = new(9899, 12, 31);

    /// <summary>A date of birth: from <see cref="EarliestBirth"/> to today.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> BirthDate<T>(this IRuleBuilder<T, DateOnly?> rule, ProgrammeClock clock) =>
        rule.Must(d => d is null || (d >= EarliestBirth && d <= clock.Today))
            .WithMessage($"A date from {EarliestBirth:yyyy-MM-dd} to today.");

    /// <summary>Something that has happened: from <see cref="EarliestEvent"/> to today.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PastEvent<T>(this IRuleBuilder<T, DateOnly?> rule, ProgrammeClock clock) =>
        rule.Must(d => d is null || (d >= EarliestEvent && d <= clock.Today))
            .WithMessage($"A date from {EarliestEvent:yyyy-MM-dd} to today, not in the future.");

    /// <summary>A planned date: from <see cref="EarliestEvent"/> to <see cref="LatestPlanned"/>.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PlannedDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || (d >= EarliestEvent && d <= LatestPlanned))
            .WithMessage($"A date from {EarliestEvent:yyyy-MM-dd} to {LatestPlanned:yyyy-MM-dd}.");
}
