using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>The "properties to modify" a client passes with abandon, defer or dead-letter.</summary>
static class PropertyChanges
{
    public static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> From(AmqpMap? map) =>
        map is null ? None : map.ToDictionary<KeyValuePair<MapKey, object>, string, object?>(p => p.Key.Key?.ToString() ?? "", p => p.Value);

    /// <summary>Dead-letter info fields minus the reason and description, which are stored separately.</summary>
    public static IReadOnlyDictionary<string, object?> From(Fields? fields, params string[] except) =>
        fields is null
            ? None
            : fields.Where(p => !except.Contains(p.Key.Key?.ToString())).ToDictionary<KeyValuePair<MapKey, object>, string, object?>(p => p.Key.Key?.ToString() ?? "", p => p.Value);

    /// <summary>
    /// A text field of the dead-letter info. The .NET SDK sends the keys as symbols, the JavaScript SDK
    /// (rhea) as strings, so match by name whatever the key's type.
    /// </summary>
    public static string? Text(Fields? fields, string name) =>
        fields?.FirstOrDefault(p => p.Key.Key?.ToString() == name).Value as string;
}
