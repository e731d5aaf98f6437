using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Reintegration.Core.Ids;
using Reintegration.Core.Observability;

namespace Reintegration.Api.Queues;

/// <summary>
/// Runs a queue-triggered function's work under the span that continues the message's trace, and counts a
/// message whose last attempt failed: the host moves it to the poison queue next, and stuck work must be seen.
/// The host does the moving (in Azure the Functions host, locally the local host); the app only learns it from
/// the dequeue count, as both hosts give it in the trigger's binding data.
/// </summary>
public sealed class WorkHandling(ProgrammeMetrics metrics, IConfiguration configuration, ILogger<WorkHandling> logger)
{
    /// <summary>The app setting that overrides host.json's extensions.queues.maxDequeueCount (in Azure and locally).</summary>
    public const string MaxDequeueCountSetting = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    /// <summary>The Functions host's default.</summary>
    private const int DefaultMaxDequeueCount = 5;

    private readonly Lazy<int> maxDequeueCount = new(() => MaxDequeueCount(configuration));

    public async Task RunAsync(string queueName, string message, IReadOnlyDictionary<string, object?> bindingData, Func<CaseId, Task> work)
    {
        using var handling = WorkMessages.StartHandling(queueName, message);
        try
        {
            await work(WorkMessages.Read(message));
        }
        catch (Exception e)
        {
            handling?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            if (DequeueCount(bindingData) is { } dequeued && dequeued >= maxDequeueCount.Value)
            {
                metrics.RecordPoisonMessage(queueName);
                logger.LogError("A message of queue {QueueName} failed its last attempt ({DequeueCount}) with {ExceptionType}; it goes to the poison queue",
                    queueName, dequeued, e.GetType().FullName);
            }
            throw;
        }
    }

    /// <summary>DequeueCount as the hosts give it: a number, or its text.</summary>
    private static long? DequeueCount(IReadOnlyDictionary<string, object?> bindingData) =>
        bindingData.TryGetValue("DequeueCount", out var value) ? value switch
        {
            long l => l,
            int i => i,
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var number) => number,
            JsonElement { ValueKind: JsonValueKind.String } e when long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;

    /// <summary>The app setting if given, else host.json beside the app (deployed with it), else the host's default.</summary>
    private static int MaxDequeueCount(IConfiguration configuration)
    {
        if (int.TryParse(configuration[MaxDequeueCountSetting], NumberStyles.Integer, CultureInfo.InvariantCulture, out var configured))
        {
            return configured;
        }
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (File.Exists(hostJson))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(hostJson), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.TryGetProperty("extensions", out var extensions)
                && extensions.TryGetProperty("queues", out var queues)
                && queues.TryGetProperty("maxDequeueCount", out var max) && max.TryGetInt32(out var fromFile))
            {
                return fromFile;
            }
        }
        return DefaultMaxDequeueCount;
    }
}
