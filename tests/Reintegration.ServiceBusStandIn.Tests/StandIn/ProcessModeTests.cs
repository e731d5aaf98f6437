using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Reintegration.ServiceBusStandIn.Tests.StandIn;

/// <summary>The stand-in as a process: started with a config file and a port, stopped by SIGTERM.</summary>
public sealed class ProcessModeTests
{
    static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_from_a_config_file_logs_the_routing_and_stops_cleanly_on_SIGTERM()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("SIGTERM is sent with kill(1), which Windows does not have.");
        }

        int port = FreePort();
        int managementPort = FreePort();
        string output = AppContext.BaseDirectory;
        using Process process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(output, "Reintegration.ServiceBusStandIn.dll"), "--config", Path.Combine(output, "Config.json"), "--port", $"{port}", "--management-port", $"{managementPort}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var lines = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitForAsync(() => lines.Any(l => l.Contains("listening on port", StringComparison.Ordinal)), "the stand-in to start", lines);
            await WaitForAsync(() => lines.Any(l => l.StartsWith("Administration connection string: ", StringComparison.Ordinal)), "the connection strings", lines);
            string connectionString = lines.First(l => l.StartsWith("Connection string: ", StringComparison.Ordinal))["Connection string: ".Length..];
            string administration = lines.First(l => l.StartsWith("Administration connection string: ", StringComparison.Ordinal))["Administration connection string: ".Length..];
            Assert.Contains($":{managementPort};", administration, StringComparison.Ordinal);
            var admin = new ServiceBusAdministrationClient(administration);
            await admin.CreateSubscriptionAsync("partner-notifications", "added-while-running", Cancelled);
            Assert.True(await admin.SubscriptionExistsAsync("partner-notifications", "added-while-running", Cancelled));
            await using (var client = new ServiceBusClient(connectionString))
            {
                await using ServiceBusSender sender = client.CreateSender("partner-notifications");
                var message = new ServiceBusMessage("hello partner") { MessageId = "from-process-test" };
                message.ApplicationProperties["partnerId"] = "gh-001";
                await sender.SendMessageAsync(message, Cancelled);
            }

            await WaitForAsync(
                () => lines.Any(l => l.Contains("Message from-process-test on topic partner-notifications -> subscription partner-gh-001", StringComparison.Ordinal))
                    && lines.Any(l => l.Contains("Message from-process-test on topic partner-notifications -> subscription added-while-running", StringComparison.Ordinal)),
                "the routing line",
                lines);

            using (Process kill = Process.Start("kill", ["-TERM", $"{process.Id}"]))
            {
                await kill.WaitForExitAsync(Cancelled);
            }

            using var exitTimeout = CancellationTokenSource.CreateLinkedTokenSource(Cancelled);
            exitTimeout.CancelAfter(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(exitTimeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    static async Task WaitForAsync(Func<bool> condition, string what, IEnumerable<string> output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}. Output so far:\n{string.Join('\n', output)}");
            await Task.Delay(50, Cancelled);
        }
    }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
