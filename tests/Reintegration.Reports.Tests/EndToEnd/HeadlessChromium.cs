using System.Diagnostics;

namespace Reintegration.Reports.Tests.EndToEnd;

/// <summary>Debian's chromium, headless, with a profile of its own that is deleted afterwards; nothing reaches the network.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static bool Installed => File.Exists(Path);

    /// <summary>The page's DOM after it was rendered.</summary>
    public static async Task<string> DumpDomAsync(string file) => (await RunAsync("--dump-dom", new Uri(file).AbsoluteUri)).Output;

    /// <summary>A PNG of the page as rendered in a 1200 x 2400 window.</summary>
    public static async Task<byte[]> ScreenshotAsync(string file)
    {
        var png = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"report-{Guid.NewGuid():N}.png");
        try
        {
            await RunAsync($"--screenshot={png}", "--window-size=1200,2400", "--hide-scrollbars", new Uri(file).AbsoluteUri);
            return await File.ReadAllBytesAsync(png);
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static async Task<(string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile.FullName}", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish in {Timeout.TotalSeconds} s: {await errors}");
            }
            Assert.True(process.ExitCode == 0, $"chromium ended with {process.ExitCode}: {await errors}");
            return (await output, await errors);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
