using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reintegration.LocalHost.Configuration;
using Reintegration.LocalHost.Functions;

namespace Reintegration.LocalHost.Queues;

/// <summary>Creates each trigger queue (so messages can be sent as soon as the host has started) and polls it.</summary>
internal sealed class QueueTriggerService(
    FunctionCatalog catalog,
    HostJsonSettings hostSettings,
    IServiceProvider services,
    IConfiguration configuration,
    ILoggerFactory loggerFactory) : IHostedService
{
    private const string DefaultConnection = "AzureWebJobsStorage";
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];

    private readonly List<QueueTriggerListener> _listeners = [];

    public IReadOnlyList<QueueTriggerListener> Listeners => _listeners;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("LocalHost.Queues");
        foreach (var function in catalog.OfTrigger(TriggerKind.Queue))
        {
            var trigger = function.Queue!;
            var queueName = SettingExpressions.Resolve(trigger.QueueName, configuration);
            // Raw message text: the listener decodes it as host.json messageEncoding says.
            var client = new QueueServiceClient(
                ConnectionString(function, trigger.Connection),
                new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
            var queue = client.GetQueueClient(queueName);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _listeners.Add(new QueueTriggerListener(function, queue, client.GetQueueClient(queueName + "-poison"), hostSettings.Queues, services, logger));
            logger.LogInformation("Queue function {FunctionName} listens to queue {QueueName}", function.Name, queueName);
        }

        _running.AddRange(_listeners.Select(l => Task.Run(() => l.RunAsync(_stopping.Token), CancellationToken.None)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Connection setting names an app setting (default AzureWebJobsStorage); "X" also finds "AzureWebJobsX", as in Functions.</summary>
    private string ConnectionString(FunctionDescriptor function, string? connection)
    {
        var name = string.IsNullOrWhiteSpace(connection) ? DefaultConnection : connection.Trim('%');
        string[] candidates = [name, "AzureWebJobs" + name, "ConnectionStrings:" + name];
        return candidates
            .Select(c => configuration[c.Replace("__", ":", StringComparison.Ordinal)])
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? throw new InvalidOperationException($"Queue function '{function.Name}': no connection string in app setting '{name}'.");
    }
}
