using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reintegration.ServiceBusStandIn.Configuration;

/// <summary>
/// Entities of the stand-in, in the shape of the Service Bus emulator's <c>Config.json</c>
/// (UserConfig -> Namespaces -> Queues, Topics -> Subscriptions -> Rules), so one file serves both.
/// </summary>
public sealed class StandInConfig
{
    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public UserConfig UserConfig { get; init; } = new();

    /// <summary>Reads and validates a configuration file.</summary>
    public static StandInConfig Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates configuration JSON, so other code can generate it.</summary>
    public static StandInConfig Parse(string json) => Parse(json, "configuration JSON");

    static StandInConfig Parse(string json, string origin)
    {
        StandInConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<StandInConfig>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new StandInConfigException($"The {origin} is not valid JSON: {e.Message}", e);
        }

        if (config is null)
        {
            throw new StandInConfigException($"The {origin} is empty.");
        }

        ConfigValidator.Validate(config);
        return config;
    }

    /// <summary>Writes the configuration back as JSON in the emulator shape.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

public sealed class UserConfig
{
    public List<NamespaceConfig> Namespaces { get; init; } = [];
    public LoggingConfig? Logging { get; init; }
}

public sealed class LoggingConfig
{
    public string? Type { get; init; }
}

public sealed class NamespaceConfig
{
    public string Name { get; init; } = "sbemulatorns";
    public List<QueueConfig> Queues { get; init; } = [];
    public List<TopicConfig> Topics { get; init; } = [];
}
