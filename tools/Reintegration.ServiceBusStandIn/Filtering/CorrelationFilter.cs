namespace Reintegration.ServiceBusStandIn.Filtering;

/// <summary>
/// Service Bus correlation filter: every property that is set must be equal (system properties as
/// ordinal strings, application properties by value).
/// </summary>
public sealed class CorrelationFilter : IMessageFilter
{
    public string? ContentType { get; init; }
    public string? CorrelationId { get; init; }
    public string? Subject { get; init; }
    public string? MessageId { get; init; }
    public string? ReplyTo { get; init; }
    public string? ReplyToSessionId { get; init; }
    public string? SessionId { get; init; }
    public string? To { get; init; }
    public IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; } = new Dictionary<string, object?>();

    public bool Matches(FilterContext message) =>
        Same(ContentType, message.ContentType)
        && Same(CorrelationId, message.CorrelationId)
        && Same(Subject, message.Subject)
        && Same(MessageId, message.MessageId)
        && Same(ReplyTo, message.ReplyTo)
        && Same(ReplyToSessionId, message.ReplyToSessionId)
        && Same(SessionId, message.SessionId)
        && Same(To, message.To)
        && ApplicationProperties.All(expected =>
            message.ApplicationProperties.TryGetValue(expected.Key, out object? actual)
            && SqlValues.AreEqual(expected.Value, actual));

    static bool Same(string? expected, string? actual) => expected is null || string.Equals(expected, actual, StringComparison.Ordinal);
}
