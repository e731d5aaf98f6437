using System.Globalization;
using System.Text.Json;

namespace Reintegration.LocalHost.Configuration;

/// <summary>extensions.queues of host.json.</summary>
public sealed record QueueHostSettings
{
    /// <summary>After this many failed dequeues a message moves to the poison queue.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before it is retried.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages fetched (and processed in parallel) per poll; at most 32.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>messageEncoding: the Functions host's default is base64.</summary>
    public QueueMessageBodyEncoding MessageEncoding { get; init; } = QueueMessageBodyEncoding.Base64;

    internal static QueueHostSettings From(JsonElement queues)
    {
        var settings = new QueueHostSettings();
        if (HostJsonSettings.TryGetProperty(queues, "maxDequeueCount", out var maxDequeue))
        {
            settings = settings with { MaxDequeueCount = maxDequeue.GetInt32() };
        }

        if (HostJsonSettings.TryGetProperty(queues, "visibilityTimeout", out var visibility))
        {
            settings = settings with { VisibilityTimeout = ParseTimeSpan(visibility) };
        }

        if (HostJsonSettings.TryGetProperty(queues, "maxPollingInterval", out var polling))
        {
            settings = settings with { MaxPollingInterval = ParseTimeSpan(polling) };
        }

        if (HostJsonSettings.TryGetProperty(queues, "batchSize", out var batch))
        {
            settings = settings with { BatchSize = Math.Clamp(batch.GetInt32(), 1, 32) };
        }

        if (HostJsonSettings.TryGetProperty(queues, "messageEncoding", out var encoding))
        {
            settings = settings with
            {
                MessageEncoding = encoding.GetString()?.ToLowerInvariant() switch
                {
                    "base64" => QueueMessageBodyEncoding.Base64,
                    "none" => QueueMessageBodyEncoding.None,
                    var other => throw new FormatException($"extensions.queues.messageEncoding '{other}' is neither 'base64' nor 'none'."),
                },
            };
        }

        return settings;
    }

    /// <summary>Timespans are "hh:mm:ss" strings; maxPollingInterval may also be milliseconds.</summary>
    private static TimeSpan ParseTimeSpan(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? TimeSpan.FromMilliseconds(value.GetDouble())
        : TimeSpan.Parse(value.GetString() ?? "", CultureInfo.InvariantCulture);
}

public enum QueueMessageBodyEncoding
{
    /// <summary>Message text is the Base64 of the payload (the Functions host's default).</summary>
    Base64,

    /// <summary>Message text is the payload itself.</summary>
    None,
}
