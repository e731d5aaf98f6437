using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reintegration.Api;
using Reintegration.Azure.Cosmos;
using Reintegration.Azure.Storage;
using Reintegration.Core.Cases;
using Reintegration.Core.Monitoring;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Time;
using Reintegration.LocalHost.StandIns;

namespace Reintegration.Benchmarks;

/// <summary>
/// The app's real registrations (AddReintegration) over the local stand-ins (Azurite, the Cosmos DB server), with a
/// database of its own holding the benchmark's cases. Only the work queue is wrapped, to count what the job enqueues.
/// </summary>
internal sealed class DeadlineFixture : IAsyncDisposable
{
    private const int InsertConcurrency = 32;

    private readonly StandInSet _standIns;
    private readonly ServiceProvider _services;

    private DeadlineFixture(StandInSet standIns, ServiceProvider services, CasePopulation population, TimeSpan standInsStart, TimeSpan insert)
    {
        _standIns = standIns;
        _services = services;
        Population = population;
        StandInsStart = standInsStart;
        Insert = insert;
    }

    public CasePopulation Population { get; }

    public TimeSpan StandInsStart { get; }

    /// <summary>How long inserting every case through ICaseStore took.</summary>
    public TimeSpan Insert { get; }

    public MonitoringDeadlines Job => _services.GetRequiredService<MonitoringDeadlines>();

    public CountingWorkQueue Queue => _services.GetRequiredService<CountingWorkQueue>();

    public ICaseStore Cases => _services.GetRequiredService<ICaseStore>();

    public SystemCaseChanges Writer => _services.GetRequiredService<SystemCaseChanges>();

    public ProgrammeClock Clock => _services.GetRequiredService<ProgrammeClock>();

    public static async Task<DeadlineFixture> StartAsync(int totalCases, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "reintegration-benchmarks", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var standIns = await StandInSet.StartAsync(new StandInOptions { DataDirectory = dataDirectory }, cancellationToken: cancellationToken);
        var standInsStart = watch.Elapsed;
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
            var collection = new ServiceCollection().AddLogging().AddReintegration(configuration);
            collection.AddSingleton<StorageWorkQueue>();
            collection.AddSingleton(sp => new CountingWorkQueue(sp.GetRequiredService<StorageWorkQueue>()));
            collection.AddSingleton<IWorkQueue>(sp => sp.GetRequiredService<CountingWorkQueue>());
            var services = collection.BuildServiceProvider();

            await services.GetRequiredService<CosmosDatabase>().EnsureCreatedAsync(cancellationToken);
            var referenceData = services.GetRequiredService<IReferenceDataStore>();
            // What every installation seeds (StartupInitialiser): the published countries, the phases and the coordination.
            await referenceData.SeedAsync(ReferenceDataSeed.Published(), cancellationToken);

            var clock = services.GetRequiredService<ProgrammeClock>();
            var phase = (await referenceData.PhasesAsync(cancellationToken)).Single(p => p.Id == "phase-4");
            var windows = services.GetRequiredService<IOptions<MonitoringWindows>>().Value;
            var population = DeadlineCases.Build(totalCases, clock.Now, clock.Today, phase, windows);

            watch.Restart();
            var store = services.GetRequiredService<ICaseStore>();
            await Parallel.ForEachAsync(population.All,
                new ParallelOptions { MaxDegreeOfParallelism = InsertConcurrency, CancellationToken = cancellationToken },
                async (@case, ct) =>
                {
                    if (await store.TryCreateAsync(@case, ct) is null)
                    {
                        throw new InvalidOperationException($"Case {@case.Id} exists already.");
                    }
                });
            var insert = watch.Elapsed;
            return new DeadlineFixture(standIns, services, population, standInsStart, insert);
        }
        catch
        {
            await standIns.DisposeAsync();
            throw;
        }
    }

    /// <summary>Puts the due cases back as they were before any run: no alerts recorded, nothing pending.</summary>
    public async Task ResetDueCasesAsync(CancellationToken cancellationToken = default)
    {
        await Parallel.ForEachAsync(Population.Due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (original, ct) =>
            {
                var current = await Cases.FindAsync(Reintegration.Core.Ids.CaseId.From(original.Id), ct) ?? throw new InvalidOperationException($"Case {original.Id} is gone.");
                await Cases.ReplaceAsync(original, current.ETag, ct);
            });
    }

    /// <summary>What delivery does once Service Bus took the notifications: marks every pending one sent.</summary>
    public async Task MarkAllSentAsync(CancellationToken cancellationToken = default)
    {
        await Parallel.ForEachAsync(Population.Due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (original, ct) =>
            {
                await Writer.ChangeAsync(CaseId.From(original.Id), c =>
                {
                    c.MarkSent(c.PendingNotifications.Select(n => n.MessageId).ToList(), Clock.Now);
                    return 0;
                }, ct);
            });
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
