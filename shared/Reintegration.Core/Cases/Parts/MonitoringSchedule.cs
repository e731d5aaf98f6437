using System.Text.Json.Serialization;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Cases.Parts;

/// <summary>The checkpoints of the year after arrival: when each report is due, and which were reported on or waived.</summary>
[JsonConverter(typeof(CasePartConverter<MonitoringSchedule, Checkpoint>))]
public sealed class MonitoringSchedule : CasePart<Checkpoint>, ICasePart<MonitoringSchedule, Checkpoint>
{
    public MonitoringSchedule() : base([])
    {
    }

    private MonitoringSchedule(IEnumerable<Checkpoint> checkpoints) : base(checkpoints)
    {
    }

    public static MonitoringSchedule From(IEnumerable<Checkpoint> items) => new(items);

    /// <summary>The checkpoints due the given months after arrival.</summary>
    public static MonitoringSchedule After(DateOnly arrivedOn, IEnumerable<int> monthsAfterArrival) =>
        new(CheckpointSchedule.For(arrivedOn, monthsAfterArrival));

    /// <summary>The earliest due date of an open checkpoint.</summary>
    public DateOnly? NextDueOn => CheckpointClock.NextDueOn(Items);

    /// <summary>Every checkpoint reported on or waived.</summary>
    public bool Complete => Items.Count > 0 && Items.All(c => !c.IsOpen);

    public Checkpoint Report(string checkpointId, MonitoringReport report, DateTimeOffset now, DateOnly today)
    {
        var index = OpenCheckpoint(checkpointId, "report on");
        Items[index] = Items[index] with { Report = report, SubmittedAt = now, SubmittedLate = today > Items[index].DueOn };
        return Items[index];
    }

    public Checkpoint Waive(string checkpointId, string reason, string waivedBy)
    {
        var index = OpenCheckpoint(checkpointId, "waive");
        Items[index] = Items[index] with { WaivedReason = reason, WaivedBy = waivedBy };
        return Items[index];
    }

    /// <summary>The alert each open checkpoint calls for today, if any.</summary>
    public IEnumerable<(Checkpoint Checkpoint, AlertKind Kind)> AlertsOn(DateOnly today, int graceDays, MonitoringWindows windows) =>
        Items.Where(c => c.IsOpen)
            .Select(c => (Checkpoint: c, Kind: CheckpointClock.AlertOn(c, today, graceDays, windows)))
            .Where(a => a.Kind is not null)
            .Select(a => (a.Checkpoint, a.Kind!.Value));

    /// <summary>Anonymisation keeps dates and scores and drops what people wrote; a waived checkpoint stays waived.</summary>
    public void ForgetText() => ReplaceEach(c => c with
    {
        Report = c.Report is null ? null : c.Report with { Narrative = "" },
        WaivedReason = c.WaivedReason is null ? null : "",
    });

    private int OpenCheckpoint(string checkpointId, string what)
    {
        var index = Items.FindIndex(c => c.Id == checkpointId);
        if (index < 0)
        {
            throw new NotFoundException($"Checkpoint {checkpointId}");
        }
        if (!Items[index].IsOpen)
        {
            throw new ConflictException($"Checkpoint {checkpointId} was reported on or waived already; there is nothing to {what}.");
        }
        return index;
    }
}
