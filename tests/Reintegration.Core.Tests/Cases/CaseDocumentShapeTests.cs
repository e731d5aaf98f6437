using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.Core.Cases;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Tests.Monitoring;

namespace Reintegration.Core.Tests.Cases;

/// <summary>
/// The case owns its ledger, schedule, outbox and timeline as classes, yet stays one document of the same shape: each
/// part is written as a plain array, and the indexed fields the jobs query are written from the parts.
/// </summary>
public class CaseDocumentShapeTests
{
    private static readonly DateTimeOffset Now = TestData.Now;

    private static Case MonitoredWithAnAlert()
    {
        var c = CaseJourney.In(CaseStatus.Arrived);
        Assert.True(c.StartMonitoring(Now, [1, 3]));
        Assert.Equal(1, c.RaiseAlerts(Now, CaseJourney.Today.AddMonths(1).AddDays(-2), 14, new MonitoringWindows()));
        return c;
    }

    [Fact]
    public void Each_part_is_written_as_the_array_it_holds()
    {
        var c = MonitoredWithAnAlert();

        var document = JsonSerializer.SerializeToNode(c, ProgrammeJson.Options)!.AsObject();

        Assert.Equal(c.Timeline.Count, document["timeline"]!.AsArray().Count);
        Assert.Equal("refer", document["timeline"]![0]!["action"]!.GetValue<string>());
        Assert.Equal(["m1", "m3"], document["checkpoints"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(c.Outbox.Select(n => n.MessageId), document["outbox"]!.AsArray().Select(n => n!["messageId"]!.GetValue<string>()));
        Assert.Equal(c.Spending.Count, document["spending"]!.AsArray().Count);
    }

    [Fact]
    public void The_indexed_fields_are_written_from_the_parts()
    {
        var c = MonitoredWithAnAlert();

        var document = JsonSerializer.SerializeToNode(c, ProgrammeJson.Options)!.AsObject();

        Assert.Equal(CaseJourney.Today.AddMonths(1).ToString("yyyy-MM-dd"), document["nextDueOn"]!.GetValue<string>());
        Assert.True(document["hasPendingNotifications"]!.GetValue<bool>());

        c.MarkSent([Assert.Single(c.PendingNotifications).MessageId], Now);
        var sent = JsonSerializer.SerializeToNode(c, ProgrammeJson.Options)!.AsObject();
        Assert.False(sent["hasPendingNotifications"]!.GetValue<bool>());
    }

    [Fact]
    public void A_document_reads_back_into_parts_that_keep_their_rules()
    {
        var c = MonitoredWithAnAlert();

        var read = JsonSerializer.Deserialize<Case>(JsonSerializer.Serialize(c, ProgrammeJson.Options), ProgrammeJson.Options)!;

        Assert.Equal(c.Timeline, read.Timeline);
        Assert.Equal(c.Checkpoints, read.Checkpoints);
        Assert.Equal(c.Outbox, read.Outbox);
        Assert.Equal(c.NextDueOn, read.NextDueOn);
        Assert.True(read.HasPendingNotifications);
        read.SubmitReport(CaseJourney.Partner, Now, CaseJourney.Today, "m1", Monitoring.Reports.Sample());
        Assert.False(read.HasPendingNotifications);
        Assert.Equal(CaseJourney.Today.AddMonths(3), read.NextDueOn);
    }

    [Fact]
    public void Stored_index_fields_are_never_trusted_over_the_parts()
    {
        var document = JsonSerializer.SerializeToNode(CaseJourney.In(CaseStatus.Arrived), ProgrammeJson.Options)!.AsObject();
        document["hasPendingNotifications"] = true;
        document["nextDueOn"] = "2020-01-01";

        var read = document.Deserialize<Case>(ProgrammeJson.Options)!;

        Assert.False(read.HasPendingNotifications);
        Assert.Null(read.NextDueOn);
    }
}
