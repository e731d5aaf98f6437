using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Reintegration.Core.Observability;
using Reintegration.Monitoring.Tests;
using Reintegration.ServiceBusStandIn.Broker;
using ApiClient = Reintegration.EndToEnd.Tests.Api;

namespace Reintegration.Telemetry.Tests;

/// <summary>
/// One request followed through the queue to the partner's Service Bus message, the trace id in problem answers,
/// and the metrics that show work getting done or stuck. One class, so its tests run one after another: one moves
/// the shared clock, another stops Service Bus.
/// </summary>
public sealed class TelemetryTests(TelemetryHostFixture host) : IClassFixture<TelemetryHostFixture>, IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ApiClient api = new(host);
    private readonly ServiceBusClient serviceBus = new(host.StandIns.ServiceBus.ConnectionString);

    public ValueTask DisposeAsync() => serviceBus.DisposeAsync();

    [Fact]
    public async Task A_withdrawal_of_consent_is_one_trace_from_the_request_through_cosmos_and_the_queue_to_the_partners_message()
    {
        using var measured = new Measurements(host.Services);
        var (id, etag) = await api.CaseAt("Monitoring");
        var traceId = ActivityTraceId.CreateRandom();

        using (var withdrawn = await WithdrawConsent(id, etag, traceId))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        var message = await PartnersMessage("partner-gh-1", id, "CasePaused");
        // A span is exported when it ends, and a parent ends after its children: wait until every span and every link
        // between them that the test reads has been exported, then check them on that one snapshot.
        var spans = await TraceWhenComplete(traceId);

        // HTTP: the server's span continues the caller's trace; Cosmos DB's calls and the enqueue are within it.
        var server = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(ActivityKind.Server, server.Kind);
        var send = Assert.Single(spans, s => s.DisplayName == "send notification-delivery");
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Contains(server, Ancestors(send, spans));
        Assert.Contains(spans, s => s.Source.Name == "Azure.Cosmos.Operation" && Ancestors(s, spans).Contains(server));

        // Queue: the queue-triggered function's work is the child of the enqueue, linked to the host's invocation.
        var process = Assert.Single(spans, s => s.DisplayName == "process notification-delivery");
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        var invocation = Assert.Single(process.Links).Context;
        var invoked = await Eventually.Get(() => Task.FromResult(host.Spans.Snapshot().Where(s => s.SpanId == invocation.SpanId).ToList()),
            s => s.Count == 1, Patience);
        Assert.Equal(("Invoke", "DeliverNotifications"), (invoked[0].DisplayName, invoked[0].GetTagItem("faas.name") as string));
        Assert.Contains(spans, s => s.Source.Name == "Azure.Cosmos.Operation" && Ancestors(s, spans).Contains(process));

        // Service Bus: the published message carries the publishing span's context, within the same trace.
        var publish = Assert.Single(spans, s => s.DisplayName == "publish partner-notifications");
        Assert.Contains(process, Ancestors(publish, spans));
        Assert.Equal(publish.Id, message.ApplicationProperties["traceparent"]);
        Assert.Equal(publish.Id, message.ApplicationProperties["Diagnostic-Id"]);
        Assert.StartsWith($"00-{traceId}-", publish.Id);

        // The delivery is counted by kind.
        await Eventually.Get(() => Task.FromResult(measured.Sum(ProgrammeMetrics.NotificationsDelivered, "kind", "CasePaused")), n => n == 1, Patience);
    }

    [Fact]
    public async Task A_problem_answer_carries_the_trace_id_of_its_request()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/cases/not-a-case");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using (var notFound = await api.Caseworker().SendAsync(request))
        {
            await ApiClient.AssertProblem(notFound, HttpStatusCode.NotFound, "not-found");
            Assert.Equal(traceId.ToHexString(), (await ApiClient.ReadObject(notFound))["traceId"]!.GetValue<string>());
        }

        // Without a caller's trace the request starts one; its id is the server span's, which the logs carry too.
        using var unauthenticated = await host.Client.GetAsync("api/cases");
        await ApiClient.AssertProblem(unauthenticated, HttpStatusCode.Unauthorized, "unauthenticated");
        var answered = (await ApiClient.ReadObject(unauthenticated))["traceId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", answered);
        Assert.NotEqual(traceId.ToHexString(), answered);
        await Eventually.Get(() => Task.FromResult(host.Spans.Snapshot()),
            s => s.Any(x => x.Source.Name == "Microsoft.AspNetCore" && x.TraceId.ToHexString() == answered), Patience);
    }

    [Fact]
    public async Task The_deadline_job_counts_its_run_the_alerts_it_raised_and_the_overdue_checkpoints_it_saw()
    {
        using var measured = new Measurements(host.Services);
        var (id, _) = await api.CaseAt("Monitoring");
        using var checkpoints = await api.Coordinator().GetAsync($"api/cases/{id}/checkpoints");
        var dueOn = DateOnly.Parse((await ApiClient.ReadArray(checkpoints))[0]!["dueOn"]!.GetValue<string>());

        // Well past the first checkpoint's due date and grace period: the job's next run finds it overdue.
        host.Time.Advance(TimeSpan.FromDays(dueOn.DayNumber - Today().DayNumber + 30));
        var overdue = await Eventually.Get(() => Task.FromResult((Overdue: measured.Of(ProgrammeMetrics.OverdueCheckpoints), Seen: measured.Describe())),
            seen => seen.Overdue.Any(n => n >= 1), Patience);

        Assert.True(measured.Sum(ProgrammeMetrics.DeadlineJobRuns) >= overdue.Overdue.Count, "a run is counted with each reading of the gauge");
        Assert.True(measured.Sum(ProgrammeMetrics.AlertsRaised) >= 1, measured.Describe());
    }

    [Fact]
    public async Task While_service_bus_is_down_each_failed_delivery_and_the_message_sent_to_the_poison_queue_are_counted()
    {
        // Measured from here: bringing the case to monitoring delivers its own notices (assignment, approval, ...).
        var (id, etag) = await api.CaseAt("Monitoring", partner: "partner-wa-regional");
        using var measured = new Measurements(host.Services);
        await host.StandIns.ServiceBus.StopAsync();
        try
        {
            using (var withdrawn = await WithdrawConsent(id, etag, ActivityTraceId.CreateRandom()))
            {
                Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
            }
            await Eventually.Get(() => Task.FromResult(measured.Sum(ProgrammeMetrics.PoisonMessages, "queue", "notification-delivery")), n => n >= 1, Patience);
            var poison = new QueueClient(host.StandIns.Azurite.ConnectionString, "notification-delivery-poison");
            await Eventually.Get(async () => await poison.ExistsAsync() && (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0,
                found => found, Patience);
        }
        finally
        {
            await host.StandIns.ServiceBus.RestartAsync();
        }

        // Consent changes leave delivery to the queue: host.json's five attempts, each failing to publish the one
        // "case paused" notice, then the poison queue.
        Assert.Equal(5, measured.Sum(ProgrammeMetrics.NotificationsFailed));
        Assert.Equal(1, measured.Sum(ProgrammeMetrics.PoisonMessages));
        Assert.Equal(0, measured.Sum(ProgrammeMetrics.NotificationsDelivered));
    }

    [Fact]
    public async Task A_notice_the_request_could_not_deliver_while_service_bus_is_down_is_counted_as_failed_and_the_queue_delivers_it()
    {
        var (id, etag) = await api.CaseAt("PlanApproved", partner: "partner-wa-regional");
        using var measured = new Measurements(host.Services);
        await host.StandIns.ServiceBus.StopAsync();
        try
        {
            // The departure is recorded; its notice fails to go out inside the request, which counts before it answers.
            var today = Today().ToString("yyyy-MM-dd");
            await ApiClient.Do(api.Caseworker(), id, etag, "depart", new JsonObject { ["date"] = today });
            Assert.True(measured.Sum(ProgrammeMetrics.NotificationsFailed) >= 1, measured.Describe());
            Assert.Equal(0, measured.Sum(ProgrammeMetrics.NotificationsDelivered, "kind", "Departed"));
        }
        finally
        {
            await host.StandIns.ServiceBus.RestartAsync();
        }

        // The queue took it over and delivers it once Service Bus is back.
        await Eventually.Get(() => Task.FromResult(measured.Sum(ProgrammeMetrics.NotificationsDelivered, "kind", "Departed")), n => n == 1, Patience);
    }

    [Fact]
    public async Task A_notification_the_recipients_system_refuses_is_dead_lettered_and_counted_as_azure_would()
    {
        var deadLettered = new List<(string Entity, string Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BrokerMetrics.MeterName && instrument.Name == BrokerMetrics.DeadLettered) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            lock (deadLettered) deadLettered.Add((tagged["entity"]!, tagged["reason"]!));
        });
        listener.Start();

        // A message for the other referring organisation, which no other test reads, refused by its system.
        var messageId = Guid.NewGuid().ToString("N");
        await using (var sender = serviceBus.CreateSender("partner-notifications"))
        {
            var sent = new ServiceBusMessage("{}") { MessageId = messageId };
            sent.ApplicationProperties["organisationId"] = "org-ref-other";
            sent.ApplicationProperties["kind"] = "Escalation";
            await sender.SendMessageAsync(sent);
        }
        await using var receiver = serviceBus.CreateReceiver("partner-notifications", "org-ref-other");
        var refused = await Eventually.Get(async () => await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)),
            m => m?.MessageId == messageId, Patience);
        await receiver.DeadLetterMessageAsync(refused!, "Unreadable", "The recipient could not read it.");

        var counted = await Eventually.Get(() => Task.FromResult(OfSubscription()), d => d.Count > 0, Patience);
        Assert.Equal(["Unreadable"], counted.Select(d => d.Reason));

        List<(string Entity, string Reason)> OfSubscription()
        {
            lock (deadLettered) return deadLettered.Where(d => d.Entity.Contains("org-ref-other", StringComparison.OrdinalIgnoreCase)).ToList();
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);

    private async Task<HttpResponseMessage> WithdrawConsent(string caseId, string etag, ActivityTraceId traceId)
    {
        using var withdraw = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{caseId}/actions/withdraw-consent")
        {
            Content = ApiClient.JsonBody(new JsonObject { ["date"] = Today().ToString("yyyy-MM-dd"), ["method"] = "Verbal", ["reason"] = "The person asked to stop sharing." }),
        };
        withdraw.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        withdraw.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return await api.Caseworker().SendAsync(withdraw);
    }

    /// <summary>
    /// The partner's notice of this kind about the case, as the partner's own system receives it (bringing a case to a
    /// stage sends the partner other notices about it first).
    /// </summary>
    private async Task<ServiceBusReceivedMessage> PartnersMessage(string subscription, string caseId, string kind)
    {
        await using var receiver = serviceBus.CreateReceiver("partner-notifications", subscription,
            new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        var received = new List<ServiceBusReceivedMessage>();
        return (await Eventually.Get(async () =>
        {
            received.AddRange(await receiver.ReceiveMessagesAsync(50, TimeSpan.FromMilliseconds(300)));
            return received.Where(m => (string)m.ApplicationProperties["caseId"] == caseId && (string)m.ApplicationProperties["kind"] == kind).ToList();
        }, found => found.Count > 0, Patience))[0];
    }

    /// <summary>The span's parents within the trace, nearest first.</summary>
    private async Task<List<Activity>> TraceWhenComplete(ActivityTraceId traceId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var spans = host.Spans.OfTrace(traceId);
            if (IsComplete(spans))
            {
                return spans;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The trace was not complete within {Patience.TotalSeconds} s. Spans: " +
                    string.Join(", ", spans.Select(x => $"{x.Source.Name}/{x.DisplayName} {x.SpanId} <- {x.ParentSpanId}")));
            }
            await Task.Delay(150);
        }
    }

    private static bool IsComplete(List<Activity> spans)
    {
        var servers = spans.Where(x => x.Source.Name == "Microsoft.AspNetCore").ToList();
        var processes = spans.Where(x => x.DisplayName == "process notification-delivery").ToList();
        return servers.Count == 1 && processes.Count == 1
            && spans.Count(x => x.DisplayName == "send notification-delivery") == 1
            && spans.Count(x => x.DisplayName == "publish partner-notifications") == 1
            && spans.Any(x => x.Source.Name == "Azure.Cosmos.Operation" && Ancestors(x, spans).Contains(servers[0]))
            && spans.Any(x => x.Source.Name == "Azure.Cosmos.Operation" && Ancestors(x, spans).Contains(processes[0]));
    }

    private static List<Activity> Ancestors(Activity span, List<Activity> trace)
    {
        var ancestors = new List<Activity>();
        for (var parent = trace.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null;
             parent = trace.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            ancestors.Add(parent);
        }
        return ancestors;
    }
}
