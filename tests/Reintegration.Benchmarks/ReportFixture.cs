using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reintegration.Api;
using Reintegration.Azure.Cosmos;
using Reintegration.Core.Cases;
using Reintegration.Core.Ids;
using Reintegration.Core.Monitoring;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Reports;
using Reintegration.Core.Time;
using Reintegration.LocalHost.StandIns;

namespace Reintegration.Benchmarks;

/// <summary>
/// The app's real registrations over the stand-ins with N cases (the deadline benchmark's population: referred,
/// planned, departed, arrived, monitored or withdrawn) and the report-figures projection built once by the job.
/// </summary>
internal sealed class ReportFixture : IAsyncDisposable
{
    private readonly StandInSet _standIns;
    private readonly ServiceProvider _services;

    private ReportFixture(StandInSet standIns, ServiceProvider services, IReadOnlyList<Case> cases, TimeSpan insert, TimeSpan firstProjection)
    {
        _standIns = standIns;
        _services = services;
        Cases = cases;
        Insert = insert;
        FirstProjection = firstProjection;
    }

    public IReadOnlyList<Case> Cases { get; }

    public TimeSpan Insert { get; }

    /// <summary>The job's first run, which reads every case once and writes every case's figures.</summary>
    public TimeSpan FirstProjection { get; }

    public ReportFiguresJob Job => _services.GetRequiredService<ReportFiguresJob>();

    public ProgrammeReports Reports => _services.GetRequiredService<ProgrammeReports>();

    public IReportFiguresStore Store => _services.GetRequiredService<IReportFiguresStore>();

    public IOptions<ReportOptions> Options => _services.GetRequiredService<IOptions<ReportOptions>>();

    public ProgrammeClock Clock => _services.GetRequiredService<ProgrammeClock>();

    public static async Task<ReportFixture> StartAsync(int totalCases)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "reintegration-benchmarks", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var standIns = await StandInSet.StartAsync(new StandInOptions { DataDirectory = dataDirectory });
        try
        {
            var settings = new Dictionary<string, string?>(standIns.AppSettings, StringComparer.OrdinalIgnoreCase)
            {
                ["Cosmos:Database"] = $"bench-{Guid.NewGuid():N}",
                ["Auth:Issuer"] = "benchmark",
                ["Auth:Audience"] = "benchmark",
                ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String(new byte[32]),
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var services = new ServiceCollection().AddLogging().AddReintegration(configuration).BuildServiceProvider();
            await services.GetRequiredService<CosmosDatabase>().EnsureCreatedAsync(CancellationToken.None);
            var referenceData = services.GetRequiredService<IReferenceDataStore>();
            await referenceData.SeedAsync(ReferenceDataSeed.Published(), CancellationToken.None);
            var clock = services.GetRequiredService<ProgrammeClock>();
            var phase = (await referenceData.PhasesAsync(CancellationToken.None)).Single(p => p.Id == "phase-4");
            var windows = services.GetRequiredService<IOptions<MonitoringWindows>>().Value;
            var cases = DeadlineCases.Build(totalCases, clock.Now, clock.Today, phase, windows).All;

            var watch = Stopwatch.StartNew();
            var store = services.GetRequiredService<ICaseStore>();
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (@case, ct) =>
            {
                if (await store.TryCreateAsync(@case, ct) is null)
                {
                    throw new InvalidOperationException($"Case {@case.Id} exists already.");
                }
            });
            var insert = watch.Elapsed;
            watch.Restart();
            var first = await services.GetRequiredService<ReportFiguresJob>().RunAsync(CancellationToken.None);
            if (first.CasesUpdated != totalCases)
            {
                throw new InvalidOperationException($"The first projection run read {first.CasesUpdated} cases of {totalCases}.");
            }
            return new ReportFixture(standIns, services, cases, insert, watch.Elapsed);
        }
        catch
        {
            await standIns.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes one case again as a change would (a new version and write stamp), through the store.</summary>
    public async Task ChangeOneCaseAsync(int index)
    {
        var store = _services.GetRequiredService<ICaseStore>();
        var @case = Cases[index % Cases.Count];
        var current = await store.FindAsync(CaseId.From(@case.Id), CancellationToken.None) ?? throw new InvalidOperationException("Case gone.");
        await store.ReplaceAsync(current.Value, current.ETag, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _standIns.DisposeAsync();
        try
        {
            Directory.Delete(_standIns.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned up later.
        }
    }
}
