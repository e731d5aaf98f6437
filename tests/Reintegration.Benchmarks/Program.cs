using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Reintegration.Benchmarks;

// `-- --http [--cases 10000] [--connections 16] [--listing-connections 4] [--seconds 10] [--warmup 3]`: the HTTP benchmark with its raw-SDK baseline.
if (args is ["--http", .. var httpArgs])
{
    await HttpBenchmark.RunAsync(HttpBenchmarkSettings.Parse(httpArgs));
    return;
}

// `-- --probe 1000 10000`: one probe run of the deadline job per size (no BenchmarkDotNet), printing what it read.
if (args is ["--probe", .. var sizes])
{
    foreach (var size in sizes.Select(int.Parse))
    {
        await using var fixture = await DeadlineFixture.StartAsync(size);
        var first = await Probe.RunAsync("first-run", size, fixture);
        Console.WriteLine($"N={size} first run:   {Probe.Describe(first)}");
        await fixture.MarkAllSentAsync();
        for (var i = 0; i < 3; i++)
        {
            var steady = await Probe.RunAsync("steady-state", size, fixture);
            Console.WriteLine($"N={size} steady state: {Probe.Describe(steady)}");
        }
    }
    return;
}

// `-- --report-probe 1000 10000`: reports and the report figures job, timed a few times per size (no BenchmarkDotNet).
if (args is ["--report-probe", .. var reportSizes])
{
    foreach (var size in reportSizes.Select(int.Parse))
    {
        await ReportProbe.RunAsync(size);
    }
    return;
}

// The benchmark processes BenchmarkDotNet starts write their probe results here; the summary's columns read them.
var probes = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", "deadline-probes"));
if (Directory.Exists(probes))
{
    Directory.Delete(probes, recursive: true);
}
Environment.SetEnvironmentVariable(Probe.DirectoryVariable, probes);

IConfig config = DefaultConfig.Instance.AddColumn(ProbeColumn.All);
if (!args.Any(a => a is "--job" or "-j"))
{
    // A macrobenchmark of I/O: one run per iteration, no pilot stage (RunStrategy.Monitoring).
    config = config.AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(20)
        .WithId("Monitoring"));
}
BenchmarkSwitcher.FromAssembly(typeof(DeadlineJobBenchmarks).Assembly).Run(args, config);
