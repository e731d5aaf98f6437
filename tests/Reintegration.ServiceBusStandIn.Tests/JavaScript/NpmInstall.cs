using System.Diagnostics;

namespace Reintegration.ServiceBusStandIn.Tests.JavaScript;

/// <summary>
/// Installs the pinned packages of a folder (`npm ci`) when node_modules is missing or older than the
/// lock file, so `dotnet test` needs no separate step. A lock folder makes parallel runs take turns.
/// </summary>
static class NpmInstall
{
    static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    static readonly TimeSpan StaleLock = TimeSpan.FromMinutes(15);

    public static async Task EnsureAsync(string folder)
    {
        string stamp = Path.Combine(folder, "node_modules", ".install-stamp");
        if (UpToDate(folder, stamp))
        {
            return;
        }

        string lockFile = Path.Combine(folder, ".install-lock");
        await AcquireAsync(lockFile);
        try
        {
            if (UpToDate(folder, stamp))
            {
                return;
            }

            var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("ci");
            start.ArgumentList.Add("--no-audit");
            start.ArgumentList.Add("--no-fund");
            (int exitCode, string output) = await ProcessRunner.RunAsync(start, InstallTimeout);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {folder} (exit code {exitCode}):\n{output}");
            }

            await File.WriteAllTextAsync(stamp, DateTimeOffset.UtcNow.ToString("o"));
        }
        finally
        {
            File.Delete(lockFile);
        }
    }

    static bool UpToDate(string folder, string stamp) =>
        File.Exists(stamp)
        && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json"))
        && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package.json"));

    /// <summary>Creating a file that must not exist is atomic: whoever creates it holds the lock. A lock left by a killed run expires.</summary>
    static async Task AcquireAsync(string lockFile)
    {
        while (true)
        {
            try
            {
                await using (new FileStream(lockFile, FileMode.CreateNew, FileAccess.Write))
                {
                }

                return;
            }
            catch (IOException) when (File.Exists(lockFile))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(lockFile) > StaleLock)
                {
                    File.Delete(lockFile);
                    continue;
                }

                await Task.Delay(500);
            }
        }
    }
}
