using System.Text.Json;

namespace Reintegration.LocalHost.Configuration;

/// <summary>The host.json settings the local host honours, with the Functions host's defaults.</summary>
public sealed record HostJsonSettings
{
    /// <summary>extensions.http.routePrefix: every HTTP route starts with it ("" for none).</summary>
    public string RoutePrefix { get; init; } = "api";

    public QueueHostSettings Queues { get; init; } = new();

    public static HostJsonSettings Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Cannot read host settings from '{path}': {ex.Message}", ex);
        }
    }

    public static HostJsonSettings Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var settings = new HostJsonSettings();
        if (!TryGetProperty(document.RootElement, "extensions", out var extensions))
        {
            return settings;
        }

        if (TryGetProperty(extensions, "http", out var http)
            && TryGetProperty(http, "routePrefix", out var prefix))
        {
            settings = settings with { RoutePrefix = (prefix.GetString() ?? "").Trim('/') };
        }

        if (TryGetProperty(extensions, "queues", out var queues))
        {
            settings = settings with { Queues = QueueHostSettings.From(queues) };
        }

        return settings;
    }

    /// <summary>host.json keys are case-insensitive, as in the Functions host.</summary>
    internal static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}

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
        : TimeSpan.Parse(value.GetString() ?? "", System.Globalization.CultureInfo.InvariantCulture);
}

public enum QueueMessageBodyEncoding
{
    /// <summary>Message text is the Base64 of the payload (the Functions host's default).</summary>
    Base64,

    /// <summary>Message text is the payload itself.</summary>
    None,
}
