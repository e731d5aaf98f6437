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
