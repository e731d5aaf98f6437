using System.Diagnostics;
using System.Text.Json;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.JavaScript;

/// <summary>
/// Runs the Node scripts in js/ once against a stand-in of their own (the entities of
/// ContractEntities.json), after installing the pinned npm packages with `npm ci` when needed, and
/// keeps each script test's result for the xunit tests to assert one by one.
/// </summary>
public sealed class NodeContractRun : IAsyncLifetime
{
    static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);
    static readonly string[] Scripts = ["contract.test.mjs", "request-response.test.mjs"];

    readonly Dictionary<string, NodeTestResult> results = new(StringComparer.Ordinal);
    string runOutput = "";

    public async ValueTask InitializeAsync()
    {
        string scripts = ScriptsDirectory();
        await NpmInstall.EnsureAsync(scripts);
        await using ServiceBusStandIn standIn = await ServiceBusStandIn.StartAsync(StandInFixture.ContractEntities(), port: 0);
        string resultsFile = Path.Combine(Path.GetTempPath(), $"servicebus-js-contract-{Guid.NewGuid():N}.jsonl");
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = scripts,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in new[] { "--test", "--test-reporter=./results-reporter.mjs", $"--test-reporter-destination={resultsFile}", "--test-reporter=spec", "--test-reporter-destination=stdout" }.Concat(Scripts))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["SERVICEBUS_CONNECTION_STRING"] = standIn.ConnectionString;
            (int exitCode, string output) = await ProcessRunner.RunAsync(start, RunTimeout);
            runOutput = $"node exited with {exitCode}:\n{output}";
            foreach (string line in File.Exists(resultsFile) ? await File.ReadAllLinesAsync(resultsFile) : [])
            {
                if (JsonSerializer.Deserialize<NodeTestResult>(line, JsonOptions) is NodeTestResult result)
                {
                    results[result.Name] = result;
                }
            }
        }
        finally
        {
            File.Delete(resultsFile);
        }
    }

    /// <summary>Fails with the script's own assertion message unless the named script test passed.</summary>
    public void AssertPassed(string name)
    {
        if (!results.TryGetValue(name, out NodeTestResult? result))
        {
            Assert.Fail($"The Node test '{name}' did not report a result. {runOutput}");
        }

        Assert.True(result.Passed, $"The Node test '{name}' failed:\n{result.Error}");
    }

    public IReadOnlyCollection<string> Names => results.Keys;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The js folder next to this project's .csproj (tests run from bin/, so walk up to it).</summary>
    static string ScriptsDirectory()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reintegration.ServiceBusStandIn.Tests.csproj")))
            {
                return Path.Combine(directory.FullName, "js");
            }
        }

        throw new DirectoryNotFoundException("The js folder of Reintegration.ServiceBusStandIn.Tests was not found above the test binaries.");
    }
}

public sealed record NodeTestResult(string? File, string Name, bool Passed, string? Error);
