using Reintegration.Core.Cases;
using Reintegration.Core.Referrals;

namespace Reintegration.Core.Reports;

/// <summary>
/// The journey of the cases referred in the period, as far as each has come: how many reached each stage, why cases
/// left, and the median days between stages.
/// </summary>
internal static class JourneyFigures
{
    private static readonly (string Stage, Func<CaseFigures, bool> Reached)[] Stages =
    [
        ("referred", _ => true),
        ("accepted", c => c.AcceptedOn is not null),
        ("plan approved", c => c.PlanApprovedOn is not null),
        ("departed", c => c.DepartedOn is not null),
        ("arrived", c => c.ArrivedOn is not null),
        ("monitoring complete", c => c.MonitoringCompletedOn is not null),
        ("closed", c => c.Status is CaseStatus.Closed or CaseStatus.Rejected),
    ];

    private static readonly (string Interval, Func<CaseFigures, DateOnly?> Start, Func<CaseFigures, DateOnly?> End)[] Intervals =
    [
        ("referred to accepted", c => c.ReferredOn, c => c.AcceptedOn),
        ("accepted to plan approved", c => c.AcceptedOn, c => c.PlanApprovedOn),
        ("plan approved to departed", c => c.PlanApprovedOn, c => c.DepartedOn),
        ("departed to arrived", c => c.DepartedOn, c => c.ArrivedOn),
        ("arrived to monitoring complete", c => c.ArrivedOn, c => c.MonitoringCompletedOn),
    ];

    public static string? ExitReason(CaseFigures c) => c switch
    {
        { Status: CaseStatus.Rejected } => "rejected",
        { Outcome: CaseOutcome.Withdrew } => "withdrawn",
        { Outcome: CaseOutcome.DidNotDepart } => "did not depart",
        { Outcome: CaseOutcome.ContactLost } => "contact lost",
        { Status: CaseStatus.Closed, Outcome: not CaseOutcome.Completed } => "other",
        _ => null,
    };

    public static IReadOnlyList<FigureTable> Tables(IReadOnlyList<CaseFigures> cases, ReportQuery query, TableBuilder table)
    {
        var cohort = cases.Where(c => query.InPeriod(c.ReferredOn)).ToList();
        var groups = Enum.GetNames<TargetGroup>();
        var stages = Stages.Select(s => s.Stage).ToList();
        var funnel = new long[stages.Count, groups.Length];
        for (var s = 0; s < Stages.Length; s++)
        {
            foreach (var c in cohort.Where(Stages[s].Reached))
            {
                funnel[s, (int)c.TargetGroup]++;
            }
        }
        string[] reasons = ["rejected", "withdrawn", "did not depart", "contact lost", "other"];
        var exits = Grids.Count(cohort.Where(c => ExitReason(c) is not null), reasons, groups, c => ExitReason(c)!, c => c.TargetGroup.ToString());
        return
        [
            // Stages are nested, not parts of a whole: each row has its total, the columns have none.
            table.Counts("journey-funnel", "Cases referred in the period, by the stage they reached", "stage", stages, groups, funnel,
                columnTotals: false),
            table.Counts("journey-exits", "Why cases left the journey", "reason", reasons, groups, exits),
            MedianDays(cohort, table),
        ];
    }

    private static FigureTable MedianDays(IReadOnlyList<CaseFigures> cohort, TableBuilder table)
    {
        var rows = new List<FigureRow>();
        foreach (var (interval, start, end) in Intervals)
        {
            var days = cohort.Where(c => start(c) is not null && end(c) is not null)
                .Select(c => end(c)!.Value.DayNumber - start(c)!.Value.DayNumber).ToList();
            // A median of fewer cases than the threshold describes too few people: it is hidden with its count.
            var small = days.Count is > 0 and var n && n < table.Threshold;
            rows.Add(new FigureRow(interval, small
                ? [table.SmallMarker, table.SmallMarker]
                : [(long)days.Count, Grids.Median(days)]));
        }
        return new FigureTable("journey-median-days", "Median days between stages", "days", "between", ["cases", "median days"], rows);
    }
}
