namespace Reintegration.Core.Reports;

/// <summary>Checkpoints due in the period, by checkpoint: reported on time, late, missing, waived, or not yet due.</summary>
internal static class MonitoringFigures
{
    private static readonly string[] Outcomes = ["on time", "late", "missing", "waived", "not yet due"];

    public static string Outcome(CheckpointFigures c, DateOnly today) => c switch
    {
        { Waived: true } => "waived",
        { SubmittedOn: not null, SubmittedLate: false } => "on time",
        { SubmittedOn: not null } => "late",
        _ => c.DueOn < today ? "missing" : "not yet due",
    };

    public static IReadOnlyList<FigureTable> Tables(IReadOnlyList<CaseFigures> cases, ReportQuery query, DateOnly today, TableBuilder table)
    {
        var due = cases.SelectMany(c => c.Checkpoints).Where(c => query.InPeriod(c.DueOn)).ToList();
        var checkpoints = due.OrderBy(c => c.MonthsAfterArrival).Select(c => c.Id).Distinct().ToList();
        return
        [
            table.Counts("monitoring-checkpoints", "Monitoring reports of the checkpoints due in the period", "checkpoint", checkpoints, Outcomes,
                Grids.Count(due, checkpoints, Outcomes, c => c.Id, c => Outcome(c, today))),
        ];
    }
}
