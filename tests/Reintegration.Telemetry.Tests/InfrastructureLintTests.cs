using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Reintegration.Telemetry.Tests;

/// <summary>
/// infra/ passes `bicep lint` with the rules of infra/bicepconfig.json (recent API versions among them) without a
/// single finding, warnings included: `bicep lint` itself fails on errors only. The CLI is the NuGet package's.
/// </summary>
public sealed class InfrastructureLintTests
{
    [Fact]
    public async Task The_infrastructure_lints_clean_with_the_rule_for_recent_api_versions_on()
    {
        var infra = Path.Combine(RepositoryRoot(), "infra");
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(infra, "bicepconfig.json")))!;
        Assert.Equal("error", config["analyzers"]!["core"]!["rules"]!["use-recent-api-versions"]!["level"]!.GetValue<string>());

        var (exitCode, output) = await Bicep("lint", Path.Combine(infra, "main.bicep"));
        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"bicep lint exited {exitCode}:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> Bicep(params string[] arguments)
    {
        var path = typeof(InfrastructureLintTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value!;
        if (!OperatingSystem.IsWindows())
        {
            // The package cache does not always keep the executable bit.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reintegration.Serverless.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Reintegration.Serverless.sln) is not above the test's directory.");
    }
}
