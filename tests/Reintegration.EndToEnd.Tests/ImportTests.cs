using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Core.Cases;
using Reintegration.Core.Ids;
using Reintegration.Core.Imports;
using Reintegration.Core.Monitoring;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Imports write thousands of cases: alone, so the other tests' requests do not wait on the stand-in behind them.</summary>
[CollectionDefinition(nameof(ImportTests), DisableParallelization = true)]
public sealed class ImportsRunAlone;

/// <summary>Carried-over cases from phase 3 brought in by a coordinator, through the local host and its queue.</summary>
[Collection(nameof(ImportTests))]
public sealed class ImportTests(LocalHostFixture host)
{
    private readonly Api api = new(host);
    private Imports Imports => new(api);

    private DateOnly Today => DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);

    private static string CaseIdOf(string reference) => ExternalReferences.CaseIdFor(reference).Value;

    private async Task<(JsonObject Case, string ETag)> Case(string id)
    {
        using var response = await api.Coordinator().GetAsync($"api/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Api.ReadObject(response), response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Five_thousand_rows_land_once_the_bad_ones_are_reported_by_row_field_and_rule_and_a_second_run_changes_nothing()
    {
        var (organisation, partner) = await Imports.OwnOrganisations();
        var run = Guid.NewGuid().ToString("N")[..8];
        var monitoredSince = new DateOnly(2025, 3, 1);
        var lines = Enumerable.Range(1, 5000).Select(i =>
        {
            var reference = $"P3-{run}-{i:D5}";
            var row = i % 10 == 0
                ? Imports.Row(reference, organisation, partner, new DateOnly(2025, 1, 10), monitoredSince.AddDays(-1), monitoredSince,
                    ("m1", monitoredSince.AddMonths(1)), ("m3", monitoredSince.AddMonths(3)), ("m6", monitoredSince.AddMonths(6)),
                    ("m12", monitoredSince.AddMonths(12)))
                : Imports.Row(reference, organisation, partner, new DateOnly(2026, 3, 2).AddDays(i % 100), new DateOnly(2026, 5, 1).AddDays(i % 100));
            return row;
        }).Select(r => r.ToJsonString()).ToList();
        // The bad ones: each breaks one rule a request would break.
        lines[16] = Mutate(lines[16], r => r["person"]!["givenName"] = "");
        lines[1233] = Mutate(lines[1233], r => r["departedOn"] = "2026-01-01");
        lines[2499] = Mutate(lines[2499], r => r["plan"]!["budgetLines"]![0]!["amount"] = 3000m);
        lines[3999] = Mutate(lines[3999], r => r["spending"]![0]!["budgetLineId"] = "line-9");
        lines[4499] = "{\"externalReference\": \"P3-broken\", ";
        var refused = new[] { 17, 1234, 2500, 4000, 4500 };

        var first = await Imports.Completed(await Imports.Start(Imports.File(lines)));

        Assert.Equal(5000, first["rowsRead"]!.GetValue<int>());
        Assert.Equal(4995, first["imported"]!.GetValue<int>());
        Assert.Equal(0, first["alreadyImported"]!.GetValue<int>());
        Assert.Equal(5, first["rowsRefused"]!.GetValue<int>());
        var errors = first["errors"]!.AsArray().Select(e => (Row: e!["row"]!.GetValue<int>(), Field: e["field"]!.GetValue<string>(),
            Rule: e["rule"]!.GetValue<string>())).ToList();
        Assert.Equal(refused, errors.Select(e => e.Row).Distinct().Order());
        Assert.Contains((17, "person.givenName", "required"), errors);
        Assert.Contains((1234, "departedOn", "departure-date"), errors);
        Assert.Contains((2500, "approvalReason", "approval-reason-required"), errors);
        Assert.Contains((4000, "spending[0].budgetLineId", "budget-line"), errors);
        Assert.Contains(errors, e => e.Row == 4500 && e.Rule == "json");
        // No personal data in the progress: row numbers, fields and rules only.
        Assert.DoesNotContain("Mensah", first.ToJsonString());

        // A refused row created nothing; a good one is there with its history, and the timeline says who imported it.
        using (var missing = await api.Coordinator().GetAsync($"api/cases/{CaseIdOf($"P3-{run}-01234")}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        var monitoredId = CaseIdOf($"P3-{run}-00010");
        var (monitored, monitoredETag) = await Case(monitoredId);
        Assert.Equal("Monitoring", monitored["status"]!.GetValue<string>());
        Assert.Equal("2025-03-01", monitored["arrivedOn"]!.GetValue<string>());
        Assert.Equal(partner, monitored["partnerId"]!.GetValue<string>());
        using (var checkpoints = await api.Coordinator().GetAsync($"api/cases/{monitoredId}/checkpoints"))
        {
            Assert.All(await Api.ReadArray(checkpoints), c => Assert.Equal("Submitted", c!["status"]!.GetValue<string>()));
        }
        using (var budget = await api.Coordinator().GetAsync($"api/cases/{monitoredId}/budget"))
        {
            Assert.Contains("600", await budget.Content.ReadAsStringAsync());
        }
        using (var timeline = await api.Coordinator().GetAsync($"api/cases/{monitoredId}/timeline"))
        {
            var entry = Assert.Single(await Api.ReadArray(timeline));
            Assert.Equal("import", entry!["action"]!.GetValue<string>());
            Assert.Equal("coordinator", entry["actorRole"]!.GetValue<string>());
        }
        var (departed, departedETag) = await Case(CaseIdOf($"P3-{run}-00001"));
        Assert.Equal("Departed", departed["status"]!.GetValue<string>());
        using (var listed = await api.Caseworker(organisation).GetAsync("api/cases?pageSize=100"))
        {
            Assert.Equal(100, (await Api.ReadObject(listed))["items"]!.AsArray().Count);
        }

        var second = await Imports.Completed(await Imports.Start(Imports.File(lines)));

        Assert.Equal(0, second["imported"]!.GetValue<int>());
        Assert.Equal(4995, second["alreadyImported"]!.GetValue<int>());
        Assert.Equal(5, second["rowsRefused"]!.GetValue<int>());
        Assert.Equal(monitoredETag, (await Case(monitoredId)).ETag);
        Assert.Equal(departedETag, (await Case(CaseIdOf($"P3-{run}-00001"))).ETag);
    }

    [Fact]
    public async Task An_imported_case_whose_month_3_checkpoint_is_overdue_shows_it_at_once_and_is_in_the_deadline_jobs_next_run()
    {
        var (organisation, partner) = await Imports.OwnOrganisations();
        // Month 3 is past its due date and the grace period, not yet long enough to be escalated: an overdue alert.
        var arrivedOn = Today.AddMonths(-3).AddDays(-20);
        var reference = $"P3-OVERDUE-{Guid.NewGuid():N}"[..24];
        var row = Imports.Row(reference, organisation, partner, arrivedOn.AddMonths(-2), arrivedOn.AddDays(-1), arrivedOn,
            ("m1", arrivedOn.AddMonths(1)));

        var progress = await Imports.Completed(await Imports.Start(Imports.File([row.ToJsonString()])));
        Assert.Equal(1, progress["imported"]!.GetValue<int>());

        var id = CaseIdOf(reference);
        using (var response = await api.Coordinator().GetAsync($"api/cases/{id}/checkpoints"))
        {
            var checkpoints = (await Api.ReadArray(response)).ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());
            Assert.Equal("Submitted", checkpoints["m1"]);
            Assert.Equal("Overdue", checkpoints["m3"]);
            Assert.Equal("Scheduled", checkpoints["m6"]);
        }

        var run = await host.Services.GetRequiredService<MonitoringDeadlines>().RunAsync(CancellationToken.None);
        Assert.True(run.AlertsRaised >= 1);

        var stored = (await host.Services.GetRequiredService<ICaseStore>().FindAsync(CaseId.From(id), CancellationToken.None))!.Value;
        var alert = Assert.Single(stored.Outbox, n => n.CheckpointId == "m3");
        Assert.Equal(AlertKind.Overdue, alert.Kind);
        Assert.Equal(partner, alert.PartnerId);
        Assert.Equal(arrivedOn.AddMonths(3), stored.NextDueOn);
    }

    [Fact]
    public async Task A_crash_after_cases_were_written_but_before_the_progress_was_saved_is_resumed_without_creating_or_counting_twice()
    {
        var (organisation, partner) = await Imports.OwnOrganisations();
        var run = Guid.NewGuid().ToString("N")[..8];
        var lines = Enumerable.Range(1, 600).Select(i =>
            Imports.Row($"P3-{run}-{i:D4}", organisation, partner, new DateOnly(2026, 3, 2), new DateOnly(2026, 5, 1)).ToJsonString()).ToList();
        var file = Imports.File(lines);
        var importId = ImportId.From(await Imports.Start(file));
        await Imports.Completed(importId.Value);
        var (_, etag) = await Case(CaseIdOf($"P3-{run}-0300"));

        // The cases of every batch are written, but the progress goes back to the start, as if each save had been lost
        // (and the file, deleted once the import completed, is there again).
        using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file)))
        {
            await host.Services.GetRequiredService<IImportFiles>().SaveAsync(importId, stream, long.MaxValue, CancellationToken.None);
        }
        var store = host.Services.GetRequiredService<IImportStore>();
        var done = (await store.FindAsync(importId, CancellationToken.None))!;
        await store.ReplaceAsync(done.Value with
        {
            Status = ImportStatus.Running, CompletedAt = null, BytesRead = 0, RowsRead = 0, Imported = 0, AlreadyImported = 0, RowsRefused = 0,
        }, done.ETag, CancellationToken.None);
        // The same message delivered twice at once: one of the two saves its progress, the other changes nothing.
        var imports = host.Services.GetRequiredService<CaseImports>();
        await Task.WhenAll(imports.RunBatchAsync(importId, CancellationToken.None), imports.RunBatchAsync(importId, CancellationToken.None));

        var resumed = await Imports.Completed(importId.Value);
        Assert.Equal(600, resumed["rowsRead"]!.GetValue<int>());
        Assert.Equal(600, resumed["imported"]!.GetValue<int>());
        Assert.Equal(0, resumed["rowsRefused"]!.GetValue<int>());
        Assert.Equal(etag, (await Case(CaseIdOf($"P3-{run}-0300"))).ETag);
        using var listed = await api.Caseworker(organisation).GetAsync("api/cases?pageSize=100");
        Assert.Equal(100, (await Api.ReadObject(listed))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Only_a_coordinator_imports_and_reads_an_import_and_the_file_is_json_lines()
    {
        using var content = new StringContent("{}\n", System.Text.Encoding.UTF8, "application/x-ndjson");
        using var byCaseworker = await api.Caseworker().PostAsync("api/imports", content);
        await Api.AssertProblem(byCaseworker, HttpStatusCode.Forbidden, "forbidden");

        using var csv = await api.Coordinator().PostAsync("api/imports", new StringContent("a,b\n", System.Text.Encoding.UTF8, "text/csv"));
        await Api.AssertProblem(csv, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        var id = await Imports.Start("\n");
        using var byPartner = await api.Partner().GetAsync($"api/imports/{id}");
        await Api.AssertProblem(byPartner, HttpStatusCode.Forbidden, "forbidden");
        using var unknown = await api.Coordinator().GetAsync($"api/imports/{Guid.NewGuid()}");
        await Api.AssertProblem(unknown, HttpStatusCode.NotFound, "not-found");
        var empty = await Imports.Completed(id);
        Assert.Equal(0, empty["imported"]!.GetValue<int>());
    }

    private static string Mutate(string line, Action<JsonObject> change)
    {
        var row = JsonNode.Parse(line)!.AsObject();
        change(row);
        return row.ToJsonString();
    }
}
