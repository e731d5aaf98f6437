using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Reintegration.LocalHost.StandIns;

/// <summary>
/// A stand-in's node process. Its stdin stays open while we live: the scripts in tools/standins shut down
/// when it closes, so they end with this process even when it is killed. Dispose closes stdin and waits,
/// then kills what is left.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly Queue<string> _recentOutput = new();

    private NodeProcess(Process process, ILogger logger)
    {
        _process = process;
        _logger = logger;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Completes with the exit code when the process ends (by itself, a crash or a kill).</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>The last lines the process printed, for error messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_recentOutput)
            {
                return string.Join(Environment.NewLine, _recentOutput);
            }
        }
    }

    public static NodeProcess Start(string script, IEnumerable<string> arguments, string workingDirectory, ILogger logger)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var node = new NodeProcess(process, logger);
        process.OutputDataReceived += (_, e) => node.Record(e.Data, LogLevel.Debug);
        process.ErrorDataReceived += (_, e) => node.Record(e.Data, LogLevel.Warning);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("Cannot start 'node': Node.js 20 or later must be on the PATH to run the local stand-ins.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until every port accepts connections; fails early when the process exits.</summary>
    public async Task WaitUntilListeningAsync(string name, IReadOnlyCollection<int> ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var pending = ports.ToList();
        try
        {
            while (pending.Count > 0)
            {
                if (_process.HasExited)
                {
                    throw new StandInStartException(name, $"exited with code {_process.ExitCode} before listening", RecentOutput);
                }

                var listening = new List<int>();
                foreach (var port in pending)
                {
                    if (await FreePorts.IsListeningAsync(port, timeoutSource.Token).ConfigureAwait(false))
                    {
                        listening.Add(port);
                    }
                }

                pending.RemoveAll(listening.Contains);
                if (pending.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), timeoutSource.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StandInStartException(name, $"did not listen on port(s) {string.Join(", ", pending)} within {timeout.TotalSeconds:0} s", RecentOutput);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var wait = new CancellationTokenSource(GracefulStop);
                try
                {
                    await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _logger.LogWarning("Stand-in process {ProcessId} did not stop within {Seconds} s; killing it", _process.Id, GracefulStop.TotalSeconds);
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Record(string? line, LogLevel level)
    {
        if (line is null)
        {
            return;
        }

        lock (_recentOutput)
        {
            _recentOutput.Enqueue(line);
            while (_recentOutput.Count > 40)
            {
                _recentOutput.Dequeue();
            }
        }

        _logger.Log(level, "{Line}", line);
    }
}
