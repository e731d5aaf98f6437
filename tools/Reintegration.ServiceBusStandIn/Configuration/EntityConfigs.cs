using System.Text.Json;

namespace Reintegration.ServiceBusStandIn.Configuration;

// Property names follow the emulator's Config.json. Durations are ISO 8601 strings ("PT1M", "PT2S").

public sealed class QueueConfig
{
    public string Name { get; init; } = "";
    public QueueProperties Properties { get; init; } = new();
}

public sealed class QueueProperties
{
    public bool DeadLetteringOnMessageExpiration { get; init; }
    public string? DefaultMessageTimeToLive { get; init; }
    public string? DuplicateDetectionHistoryTimeWindow { get; init; }
    public string? ForwardDeadLetteredMessagesTo { get; init; }
    public string? ForwardTo { get; init; }
    public string? LockDuration { get; init; }
    public int? MaxDeliveryCount { get; init; }
    public bool RequiresDuplicateDetection { get; init; }
    public bool RequiresSession { get; init; }
}

public sealed class TopicConfig
{
    public string Name { get; init; } = "";
    public TopicProperties Properties { get; init; } = new();
    public List<SubscriptionConfig> Subscriptions { get; init; } = [];
}

public sealed class TopicProperties
{
    public string? DefaultMessageTimeToLive { get; init; }
    public string? DuplicateDetectionHistoryTimeWindow { get; init; }
    public bool RequiresDuplicateDetection { get; init; }
}

public sealed class SubscriptionConfig
{
    public string Name { get; init; } = "";
    public SubscriptionProperties Properties { get; init; } = new();

    /// <summary>No rules means the default rule: every message matches.</summary>
    public List<RuleConfig> Rules { get; init; } = [];
}

public sealed class SubscriptionProperties
{
    public bool DeadLetteringOnMessageExpiration { get; init; }
    public string? DefaultMessageTimeToLive { get; init; }
    public string? LockDuration { get; init; }
    public int? MaxDeliveryCount { get; init; }
    public string? ForwardDeadLetteredMessagesTo { get; init; }
    public string? ForwardTo { get; init; }
    public bool RequiresSession { get; init; }
}

public sealed class RuleConfig
{
    public string Name { get; init; } = "";
    public RuleProperties Properties { get; init; } = new();
}

public sealed class RuleProperties
{
    /// <summary>"Correlation" or "Sql".</summary>
    public string FilterType { get; init; } = "";
    public CorrelationFilterConfig? CorrelationFilter { get; init; }
    public SqlFilterConfig? SqlFilter { get; init; }

    /// <summary>Accepted for compatibility with emulator files; rule actions are not applied.</summary>
    public SqlFilterConfig? Action { get; init; }
}

public sealed class SqlFilterConfig
{
    public string SqlExpression { get; init; } = "";
}

public sealed class CorrelationFilterConfig
{
    public string? ContentType { get; init; }
    public string? CorrelationId { get; init; }
    public string? Label { get; init; }
    public string? MessageId { get; init; }
    public string? ReplyTo { get; init; }
    public string? ReplyToSessionId { get; init; }
    public string? SessionId { get; init; }
    public string? To { get; init; }

    /// <summary>Application properties that must be equal; JSON strings, numbers and booleans.</summary>
    public Dictionary<string, JsonElement>? Properties { get; init; }
}
