using System.Diagnostics;

namespace Reintegration.ServiceBusStandIn.Tests.JavaScript;

/// <summary>
/// Installs the pinned packages of a folder (`npm ci`) when node_modules is missing or older than the lock file, so
/// `dotnet test` needs no separate step: the repository's one installer, tools/ensure-installed.js, which also makes
/// parallel runs take turns.
/// </summary>
static class NpmInstall
{
    static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    public static async Task EnsureAsync(string folder)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Installer(folder));
        start.ArgumentList.Add(folder);
        (int exitCode, string output) = await ProcessRunner.RunAsync(start, InstallTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {folder} (exit code {exitCode}):\n{output}");
        }
    }

    static string Installer(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            var installer = Path.Combine(directory.FullName, "tools", "ensure-installed.js");
            if (File.Exists(installer))
            {
                return installer;
            }
        }
        throw new InvalidOperationException($"tools/ensure-installed.js was not found above {folder}.");
    }
}
