namespace Reintegration.ServiceBusStandIn.Filtering;

/// <summary>What a subscription rule may look at: the system properties and the application properties.</summary>
public sealed class FilterContext
{
    public string? MessageId { get; init; }
    public string? CorrelationId { get; init; }
    public string? Subject { get; init; }
    public string? To { get; init; }
    public string? ReplyTo { get; init; }
    public string? ReplyToSessionId { get; init; }
    public string? SessionId { get; init; }
    public string? ContentType { get; init; }
    public IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; } = new Dictionary<string, object?>();

    /// <summary>Looks up a system property by its SQL name (sys.MessageId, sys.Label, ...).</summary>
    public bool TryGetSystemProperty(string name, out object? value)
    {
        value = name.ToLowerInvariant() switch
        {
            "messageid" => MessageId,
            "correlationid" => CorrelationId,
            "label" or "subject" => Subject,
            "to" => To,
            "replyto" => ReplyTo,
            "replytosessionid" => ReplyToSessionId,
            "sessionid" => SessionId,
            "contenttype" => ContentType,
            _ => Missing,
        };

        if (ReferenceEquals(value, Missing))
        {
            value = null;
            return false;
        }

        return true;
    }

    static readonly object Missing = new();
}
