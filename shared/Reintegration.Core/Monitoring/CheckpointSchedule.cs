namespace Reintegration.Core.Monitoring;

public static class CheckpointSchedule
{
    /// <summary>One checkpoint per month of the phase's schedule, due that many calendar months after arrival.</summary>
    public static IReadOnlyList<Checkpoint> For(DateOnly arrivedOn, IEnumerable<int> monthsAfterArrival) =>
        monthsAfterArrival.Distinct().Order()
            .Select(months => new Checkpoint { Id = Checkpoint.IdFor(months), MonthsAfterArrival = months, DueOn = arrivedOn.AddMonths(months) })
            .ToList();
}
