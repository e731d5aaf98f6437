using System.Diagnostics;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>Runs alone, after the other tests: its requests may add reference data and change its own cases.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class FuzzingCollection;

/// <summary>
/// Trust at the edge: generated requests to every HTTP function (hostile ids, bodies, query values, headers, callers)
/// never answer 5xx, answer every 4xx as application/problem+json with a type, and change nothing when rejected.
/// FUZZ_REQUESTS sets how many (README, "Fuzzing"); the seed is printed and replays the run with FUZZ_SEED.
/// </summary>
[Collection(typeof(FuzzingCollection))]
public sealed class EdgeFuzzTests(LocalHostFixture host)
{
    [Fact]
    public void Every_http_function_has_a_request_generator()
    {
        var routes = FuzzRoute.All(host.Host.Functions);
        var missing = routes
            .SelectMany(r => r.Parameters.Where(p => !PathValues.Known.Contains(p)).Select(p => $"{r.Function}: route value {{{p}}}")
                .Concat(r.RequestType is null ? [] : BodyGenerator.Unsupported(r.RequestType).Select(p => $"{r.Function}: body field {p}")))
            .ToList();

        Assert.True(missing.Count == 0, "No generator for:\n" + string.Join("\n", missing));
        Assert.Equal(host.Host.Functions.OfTrigger(Reintegration.LocalHost.Functions.TriggerKind.Http).Count(), routes.Select(r => r.Function).Distinct().Count());
        // The request records the functions read are found in their code: a body-reading function must not look bodiless.
        Assert.Contains(routes, r => r.Function == "RegisterReferral" && r.RequestType == typeof(Reintegration.Core.Referrals.ReferralRequest));
        Assert.Contains(routes, r => r.Function == "WaiveCheckpoint" && r.RequestType == typeof(Reintegration.Core.Cases.CaseActionRequest));
        Assert.Contains(routes, r => r.Function == "GetCase" && r.RequestType is null);
    }

    [Fact]
    public async Task Generated_requests_never_fail_on_the_server_and_rejected_ones_change_nothing()
    {
        var settings = FuzzSettings.FromEnvironment();
        var pcg = settings.Seed is { } seed ? PCG.Parse(seed) : new PCG((uint)Random.Shared.Next(), (ulong)Random.Shared.NextInt64());
        var runSeed = pcg.ToString(pcg.State);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Fuzzing {settings.Requests} requests, seed {runSeed} (replay: FUZZ_SEED={runSeed} FUZZ_REQUESTS={settings.Requests}).");

        var ground = await FuzzGround.CreateAsync(host);
        var routes = FuzzRoute.All(host.Host.Functions);
        var generator = new RequestGenerator(routes, ground);
        using var serverErrors = new ServerErrors();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(serverErrors);
        using var findings = new Findings(settings.LogPath);
        using var run = new FuzzRun(host, ground, findings, serverErrors);

        var clock = Stopwatch.StartNew();
        await run.SendAllAsync(Enumerable.Range(0, settings.Requests).Select(_ => generator.Generate(pcg)), settings.Parallelism,
            TestContext.Current.CancellationToken);
        clock.Stop();

        var summary = $"{settings.Requests} requests in {clock.Elapsed.TotalSeconds:F1} s ({settings.Requests / clock.Elapsed.TotalSeconds:F0}/s), " +
            $"seed {runSeed}; answers {run.Answers}; {findings.Count} distinct failures.";
        output?.WriteLine(summary);
        output?.WriteLine("Never got through: " + string.Join(", ", run.NeverSucceeded(routes).Select(r => $"{r.Method} {r.Template}")));
        Assert.False(findings.Any, summary + "\n" + findings.Report());
    }
}
