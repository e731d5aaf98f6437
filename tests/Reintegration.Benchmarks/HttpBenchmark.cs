using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reintegration.Azure.Cosmos;
using Reintegration.Core;
using Reintegration.Core.Cases;
using Reintegration.Core.Monitoring;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Time;
using Reintegration.LocalHost;
using Reintegration.LocalHost.StandIns;

namespace Reintegration.Benchmarks;

/// <summary>
/// The HTTP benchmark of issue 12, in one run against the same stand-ins: first the raw Cosmos SDK (point reads, creates,
/// one listing query page, a read and a replace) as the baseline, then the same work through the local host's HTTP API
/// (GET case, GET cases, POST referrals, POST spending), each printed as a ratio to its baseline.
/// </summary>
internal static class HttpBenchmark
{
    private const string Organisation = "org-ref-demo";
    private const string Partner = "partner-gh-1";
    private const int PageSize = 50;

    /// <summary>NCRONTAB: midnight on 1 January.</summary>
    private const string YearlySchedule = "0 0 0 1 1 *";

    /// <summary>The query the app runs for a caseworker's first page (CosmosCaseStore.ListQuery, no filter).</summary>
    private const string ListingSql = "SELECT * FROM c WHERE c.referringOrganisationId = @organisation ORDER BY c.listingKey DESC";

    public static async Task RunAsync(HttpBenchmarkSettings settings)
    {
        Console.WriteLine($"HTTP benchmark: {settings.Cases:N0} cases, {settings.Connections} connections, " +
            $"{settings.WarmUp.TotalSeconds:0} s warm-up and {settings.Measured.TotalSeconds:0} s measured per scenario " +
            $"(listing: {settings.ListingConnections} connections, {settings.Measured.TotalSeconds * 2:0} s), " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(IsOptimised() ? "Release" : "Debug (not optimised!)")}");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "reintegration-benchmarks", $"http-{Environment.ProcessId}-{Guid.NewGuid():N}");
        await using var standIns = await StandInSet.StartAsync(new StandInOptions { DataDirectory = dataDirectory });
        var databaseName = $"bench-http-{Guid.NewGuid():N}";
        await using var host = await LocalHostApp.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            StandIns = standIns,
            // The timer jobs wait for New Year: the report figures job's catch-up over the thousands of cases the raw creates
            // add took the stand-in for seconds at a time, inside whichever scenario was measured then.
            Settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Cosmos:Database"] = databaseName,
                ["ReportFiguresSchedule"] = YearlySchedule,
                ["MonitoringDeadlineSchedule"] = YearlySchedule,
                ["RetentionSchedule"] = YearlySchedule,
            },
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
            EnvironmentName = "Production",
        });

        var population = await InsertCasesAsync(host, settings.Cases);
        var database = host.Services.GetRequiredService<CosmosDatabase>();
        var cases = database.Container(Containers.Cases);
        var accessLog = database.Container(Containers.AccessLog);
        var idempotency = database.Container(Containers.Idempotency);
        var readIds = population.Where(c => c.Status == CaseStatus.Monitoring).Select(c => c.Id).Take(1000).ToArray();
        // The second half of the cases read (500 of 1,000 at the default size), so a small --cases run has some too.
        var spendIds = readIds.Skip(readIds.Length / 2).ToArray();
        var template = CreateTemplate(population[0]);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections, UseCookies = false })
        {
            BaseAddress = host.BaseAddress,
        };
        var caseworker = new AuthenticationHeaderValue("Bearer", host.CreateToken("caseworker", Organisation));
        var partner = new AuthenticationHeaderValue("Bearer", host.CreateToken("partner", Partner));
        var spending = Encoding.UTF8.GetBytes(SpendingJson());

        Task<LoadResult> Run(string name, Func<long, Task<bool>> operation) =>
            LoadRun.RunAsync(name, settings.Connections, settings.WarmUp, settings.Measured, operation);
        // The stand-in has no index: each listing query copies and sorts every document of the container (seconds at 10,000
        // cases), so the listing pair runs with fewer connections for longer, or no request would finish in the period.
        Task<LoadResult> RunListing(string name, Func<long, Task<bool>> operation) =>
            LoadRun.RunAsync(name, settings.ListingConnections, settings.WarmUp, settings.Measured * 2, operation);

        // Each kind of request, defined once for the trace of one request and for its load run.
        async Task<bool> RawListingPage()
        {
            using var iterator = cases.GetItemQueryStreamIterator(new QueryDefinition(ListingSql).WithParameter("@organisation", Organisation),
                requestOptions: new QueryRequestOptions { MaxItemCount = PageSize });
            using var response = await iterator.ReadNextAsync();
            return response.IsSuccessStatusCode;
        }
        Task<bool> GetCases() => SendAsync(http, HttpMethod.Get, $"api/cases?pageSize={PageSize}", caseworker, null, HttpStatusCode.OK);
        Task<bool> GetCase(long n) => SendAsync(http, HttpMethod.Get, $"api/cases/{readIds[n % readIds.Length]}", caseworker, null, HttpStatusCode.OK);
        Task<bool> PostReferral(long n) => SendAsync(http, HttpMethod.Post, "api/referrals", caseworker, ReferralJson(BirthDate(n)),
            HttpStatusCode.Created, idempotencyKey: Guid.NewGuid().ToString("N"));

        // One request of each kind alone, with every Cosmos DB request it made: where a request's time goes.
        await TraceOneAsync("raw query page of 50", RawListingPage);
        await TraceOneAsync("GET cases (page of 50)", GetCases);
        await TraceOneAsync("GET case", () => GetCase(0));
        await TraceOneAsync("POST referral", () => PostReferral(19_999));

        // Each baseline (the raw SDK on the app's own client: same connection settings, stream APIs, no (de)serialisation) runs
        // just before the same work through the local host (the app's whole request path, access records and all), so a
        // change in the shared machine's load hits both alike. The listing pair runs first, while the container holds
        // exactly the benchmark's cases.
        var rawPage = await RunListing("raw query page of 50", _ => RawListingPage());
        var listCases = await RunListing("GET cases (page of 50)", _ => GetCases());
        var rawRead = await Run("raw point read", async n =>
        {
            var id = readIds[n % readIds.Length];
            using var response = await cases.ReadItemStreamAsync(id, new PartitionKey(id));
            return response.IsSuccessStatusCode;
        });
        var rawReadWork = await Run("raw case read's Cosmos work", async n =>
        {
            // What a case read must do in Cosmos DB (RoundTripTests): record the access (first, decision 0013), read the case.
            var id = readIds[n % readIds.Length];
            if (!await CreatedAsync(accessLog, AccessRecordJson(id, "view-case"), id))
            {
                return false;
            }
            using var response = await cases.ReadItemStreamAsync(id, new PartitionKey(id));
            return response.IsSuccessStatusCode;
        });
        var getCase = await Run("GET case", GetCase);
        var rawReadReplace = await Run("raw read + replace", async n =>
        {
            var id = spendIds[n % spendIds.Length];
            using var read = await cases.ReadItemStreamAsync(id, new PartitionKey(id));
            using var body = new MemoryStream();
            await read.Content.CopyToAsync(body);
            body.Position = 0;
            using var replaced = await cases.ReplaceItemStreamAsync(body, id, new PartitionKey(id),
                new ItemRequestOptions { IfMatchEtag = read.Headers.ETag });
            return replaced.IsSuccessStatusCode || replaced.StatusCode == HttpStatusCode.PreconditionFailed;
        });
        var postSpending = await Run("POST spending", n => SendAsync(http, HttpMethod.Post, $"api/cases/{spendIds[n % spendIds.Length]}/spending",
            partner, spending, HttpStatusCode.Created, idempotencyKey: Guid.NewGuid().ToString("N")));
        var rawCreate = await Run("raw create", async n =>
        {
            var id = $"raw-{Guid.NewGuid():N}";
            using var body = new MemoryStream(template(id));
            using var response = await cases.CreateItemStreamAsync(body, new PartitionKey(id));
            return response.IsSuccessStatusCode;
        });
        // A referral's duplicate check is a query: on the stand-in (no index) it scans every case, so the referral pair
        // runs like the listing pair, with fewer connections for longer.
        var rawReferralWork = await RunListing("raw referral's Cosmos work", async n =>
        {
            // What a referral must do in Cosmos DB (RoundTripTests): claim the idempotency key, look for an open case of
            // the same person (the duplicate check's query), claim the person (decision 0025), record the access, create the case.
            var id = $"raw-{Guid.NewGuid():N}";
            if (!await CreatedAsync(idempotency, IdempotencyJson(id), id))
            {
                return false;
            }
            var born = BirthDate(n + 10_000_000);
            using (var iterator = cases.GetItemQueryStreamIterator(new QueryDefinition(DuplicateCheckSql).WithParameter("@organisation", Organisation)
                       .WithParameter("@searchKey", Core.Search.PersonSearch.Key(Core.Search.PersonSearch.Words("Efua", "Boateng"))).WithParameter("@born", born), requestOptions: new QueryRequestOptions { MaxItemCount = 100 }))
            {
                using var page = await iterator.ReadNextAsync();
                if (!page.IsSuccessStatusCode)
                {
                    return false;
                }
            }
            var claim = $"person-claim-{id}";
            if (!await CreatedAsync(idempotency, IdempotencyJson(claim), claim))
            {
                return false;
            }
            if (!await CreatedAsync(accessLog, AccessRecordJson(id, "register-referral"), id))
            {
                return false;
            }
            using var body = new MemoryStream(template(id));
            using var response = await cases.CreateItemStreamAsync(body, new PartitionKey(id));
            return response.IsSuccessStatusCode;
        });
        var postReferral = await RunListing("POST referral", PostReferral);

        Console.WriteLine();
        Print([rawRead, rawCreate, rawPage, rawReadReplace, rawReadWork, rawReferralWork]);
        Console.WriteLine();
        Print([getCase, listCases, postReferral, postSpending]);
        Console.WriteLine();
        Console.WriteLine("The issue's targets: each request against one raw operation.");
        Console.WriteLine();
        Console.WriteLine("| Through the app | Baseline | Throughput ratio | p50 ratio (app/raw) | p99 ratio (app/raw) | Target | Met |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|");
        Compare(getCase, rawRead, 0.90);
        Compare(listCases, rawPage, 0.50);
        Compare(postReferral, rawCreate, 0.50);
        Compare(postSpending, rawReadReplace, null);
        Console.WriteLine();
        Console.WriteLine("What the app adds to the Cosmos DB work its rules require (access record, idempotency key, duplicate check, person claim):");
        Console.WriteLine();
        Console.WriteLine("| Through the app | Baseline | Throughput ratio | p50 ratio (app/raw) | p99 ratio (app/raw) | Target | Met |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|");
        Compare(getCase, rawReadWork, null);
        Compare(postReferral, rawReferralWork, null);
    }

    private static async Task TraceOneAsync(string name, Func<Task<bool>> request)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<CosmosOperation> operations;
        bool ok;
        using (var recorder = new CosmosOperations())
        {
            ok = await request();
            watch.Stop();
            operations = recorder.Operations;
        }
        Console.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds:N0} ms{(ok ? "" : " (failed)")}, {operations.Count} Cosmos DB requests " +
            $"taking {operations.Sum(o => o.Duration.TotalMilliseconds):N0} ms in all:");
        foreach (var operation in operations)
        {
            Console.WriteLine($"  {operation.Kind} {operation.Container}: {operation.Status}, {operation.ItemCount} items, " +
                $"{operation.ResponseBytes:N0} bytes, {operation.Duration.TotalMilliseconds:N1} ms");
        }
    }

    private static async Task<bool> SendAsync(HttpClient http, HttpMethod method, string uri, AuthenticationHeaderValue token, byte[]? body,
        HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = token;
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode == expected)
        {
            return true;
        }
        ReportFirstError($"{method} {uri.Split('?')[0]} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return false;
    }

    private static int _errorsReported;

    private static void ReportFirstError(string message)
    {
        if (Interlocked.Increment(ref _errorsReported) <= 3)
        {
            Console.WriteLine(message.Length > 400 ? message[..400] : message);
        }
    }

    private static void Print(IReadOnlyList<LoadResult> results)
    {
        Console.WriteLine("| Scenario | Requests | Errors | Requests/s | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Name} | {r.Completed:N0} | {r.Errors} | {r.PerSecond:N1} | {r.P50.TotalMilliseconds:N1} | {r.P99.TotalMilliseconds:N1} |");
        }
    }

    private static void Compare(LoadResult app, LoadResult baseline, double? target)
    {
        var ratio = baseline.PerSecond == 0 ? 0 : app.PerSecond / baseline.PerSecond;
        Console.WriteLine($"| {app.Name} | {baseline.Name} | {ratio:P0} | {Ratio(app.P50, baseline.P50)} | {Ratio(app.P99, baseline.P99)} | " +
            $"{(target is { } t ? $"≥ {t:P0}" : "none")} | {(target is { } goal ? ratio >= goal ? "yes" : "no" : "")} |");
    }

    private static string Ratio(TimeSpan app, TimeSpan raw) => raw == TimeSpan.Zero ? "-" : $"{app / raw:N2}×";

    private static bool IsOptimised() =>
        typeof(HttpBenchmark).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

    /// <summary>The benchmark's cases as in the deadline benchmark: referred by one organisation, most in monitoring.</summary>
    private static async Task<IReadOnlyList<Case>> InsertCasesAsync(LocalHostApp host, int total)
    {
        var services = host.Services;
        var referenceData = services.GetRequiredService<IReferenceDataStore>();
        await referenceData.SeedAsync(ReferenceDataSeed.Published(), CancellationToken.None);
        var clock = services.GetRequiredService<ProgrammeClock>();
        var phase = (await referenceData.PhasesAsync(CancellationToken.None)).Single(p => p.Id == "phase-4");
        var population = DeadlineCases.Build(total, clock.Now, clock.Today, phase, services.GetRequiredService<IOptions<MonitoringWindows>>().Value).All;
        var store = services.GetRequiredService<ICaseStore>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(population, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (@case, ct) =>
        {
            if (await store.TryCreateAsync(@case, ct) is null)
            {
                throw new InvalidOperationException($"Case {@case.Id} exists already.");
            }
        });
        Console.WriteLine($"Inserted {total:N0} cases in {watch.Elapsed.TotalSeconds:N1} s (setup, not measured).");
        return population;
    }

    /// <summary>A case document as the app stores it, with a new id for each create.</summary>
    private static Func<string, byte[]> CreateTemplate(Case sample)
    {
        // Another organisation's, so raw creates do not join the listed organisation's cases.
        var json = JsonSerializer.Serialize(sample, ProgrammeJson.Options).Replace(sample.Id, "{{ID}}", StringComparison.Ordinal)
            .Replace($"\"{Organisation}\"", "\"org-ref-other\"", StringComparison.Ordinal);
        return id => Encoding.UTF8.GetBytes(json.Replace("{{ID}}", id, StringComparison.Ordinal));
    }

    /// <summary>The duplicate check's query for a caseworker (CosmosCaseStore.ListQuery with name key and date of birth).</summary>
    private const string DuplicateCheckSql = "SELECT * FROM c WHERE c.referringOrganisationId = @organisation AND c.searchKey = @searchKey " +
        "AND c.person.dateOfBirth = @born ORDER BY c.listingKey DESC";

    private static async Task<bool> CreatedAsync(Container container, string json, string partitionKey)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        using var response = await container.CreateItemStreamAsync(body, new PartitionKey(partitionKey));
        return response.IsSuccessStatusCode;
    }

    /// <summary>A distinct adult's date of birth for each running number, so no referral is refused as a duplicate.</summary>
    private static string BirthDate(long n) => new DateOnly(1940, 1, 2).AddDays((int)(n % 20_000)).ToString("yyyy-MM-dd");

    private static string AccessRecordJson(string caseId, string what) => new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString("D"), ["caseId"] = caseId, ["at"] = DateTimeOffset.UtcNow, ["actorId"] = "bench-caseworker",
        ["actorRole"] = "Caseworker", ["actorOrganisationId"] = Organisation, ["what"] = what, ["allowed"] = true,
        ["correlationId"] = Guid.NewGuid().ToString("N"), ["orderKey"] = $"{DateTimeOffset.UtcNow:O}/{Guid.NewGuid():D}",
    }.ToJsonString();

    private static string IdempotencyJson(string id) => new JsonObject
    {
        ["id"] = id, ["resourceId"] = id, ["requestFingerprint"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
        ["createdAt"] = DateTimeOffset.UtcNow, ["ttl"] = 86_400,
    }.ToJsonString();

    /// <summary>A referral of a person the population does not hold (it is all Ama Mensah), born on the given day.</summary>
    private static byte[] ReferralJson(string dateOfBirth) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["person"] = new JsonObject
        {
            ["givenName"] = "Efua",
            ["familyName"] = "Boateng",
            ["dateOfBirth"] = dateOfBirth,
            ["nationality"] = "GH",
            ["contact"] = new JsonObject { ["phone"] = "+31 6 1234 5678", ["email"] = "ama@example.org" },
        },
        ["countryOfReturn"] = "GH",
        ["category"] = "AsylumProcedureExhausted",
        ["familyMembers"] = new JsonArray(new JsonObject
        {
            ["givenName"] = "Kofi", ["familyName"] = "Mensah", ["dateOfBirth"] = "2018-01-05", ["relationship"] = "Child",
        }),
        ["vulnerabilities"] = new JsonArray(new JsonObject { ["kind"] = "Health", ["description"] = "Needs medication." }),
        ["consent"] = new JsonObject { ["sharingWithPartner"] = true, ["givenOn"] = "2026-01-10", ["method"] = "SignedForm" },
    }.ToJsonString());

    /// <summary>One euro against the first budget line (1,000 euros), so the lines last the whole run.</summary>
    private static string SpendingJson() => new JsonObject
    {
        ["budgetLineId"] = "line-1",
        ["paidOn"] = "2026-01-15",
        ["amountPaid"] = 15m,
        ["currency"] = "GHS",
        ["exchangeRate"] = 15m,
        ["amountEur"] = 1m,
        ["description"] = "Fabric",
    }.ToJsonString();
}

internal sealed record HttpBenchmarkSettings(int Cases, int Connections, int ListingConnections, TimeSpan WarmUp, TimeSpan Measured)
{
    public static HttpBenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new HttpBenchmarkSettings(
            int.Parse(Value("--cases") ?? "10000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--connections") ?? "16", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--listing-connections") ?? "4", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup") ?? "3", System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
