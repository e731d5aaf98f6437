using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using Reintegration.Core;

namespace Reintegration.Api.Contract;

/// <summary>
/// The JSON Schemas of the C# types the API reads and writes, made by System.Text.Json's own exporter with the
/// programme's serializer settings, one component per record or enum, referenced where it is used. Every object
/// is closed (additionalProperties: false): a field a view starts to send is a field the contract must name.
/// </summary>
public sealed class SchemaSet
{
    private const string RefPrefix = "#/components/schemas/";

    // Answers: positional records' fields are always written, so they are required; nullability from the annotations.
    private static readonly JsonSerializerOptions Answers = Exported(requiredConstructorParameters: true);
    // Requests: every field is optional to the reader (the validators name what is missing).
    private static readonly JsonSerializerOptions Requests = Exported(requiredConstructorParameters: false);

    /// <summary>Lists of <c>object</c> whose elements the type cannot say: what each element is, by declaring type and JSON name.</summary>
    private static readonly Dictionary<(Type, string), string> MixedLists = new()
    {
        // A report's cell: a number, the small-cell or protecting marker, or null where nothing applies.
        [(typeof(Core.Reports.FigureRow), "cells")] = """{"type":["number","string","null"]}""",
    };

    private readonly SortedDictionary<string, JsonNode> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _names = new(StringComparer.Ordinal);

    public JsonObject Components()
    {
        var all = new JsonObject();
        foreach (var (name, schema) in _components)
        {
            all[name] = schema.DeepClone();
        }
        return all;
    }

    /// <summary>A reference to the type's schema for a response body (or its inline schema when it is not a record or enum).</summary>
    public JsonNode ForAnswer(Type type) => Reference(type, Answers);

    public JsonNode ForRequest(Type type) => Reference(type, Requests);

    /// <summary>Adds a hand-made component (the page and problem envelopes).</summary>
    public JsonNode Add(string name, JsonNode schema)
    {
        _components[name] = schema;
        return new JsonObject { ["$ref"] = RefPrefix + name };
    }

    private JsonNode Reference(Type type, JsonSerializerOptions options)
    {
        var node = Export(type, options, root: true);
        return IsNamed(type) ? Ref(type, nullable: false) : node;
    }

    private JsonNode Export(Type type, JsonSerializerOptions options, bool root)
    {
        var pending = new Queue<Type>();
        var exporter = new JsonSchemaExporterOptions
        {
            TransformSchemaNode = (context, node) =>
            {
                var nodeType = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
                var nullable = AllowsNull(node);
                if (IsId(nodeType))
                {
                    return nullable ? new JsonObject { ["type"] = new JsonArray("string", "null") } : new JsonObject { ["type"] = "string" };
                }
                if (node is JsonObject obj && obj["type"] is { } t && t.ToJsonString().Contains("\"object\"", StringComparison.Ordinal)
                    && obj["properties"] is not null)
                {
                    obj["additionalProperties"] = false;
                }
                if (node is JsonObject list && context.PropertyInfo is { } property && MixedLists.TryGetValue((property.DeclaringType, property.Name), out var items))
                {
                    list["items"] = JsonNode.Parse(items);
                }
                if (context.Path.Length == 0 || !IsNamed(nodeType))
                {
                    return node;
                }
                pending.Enqueue(nodeType);
                return Ref(nodeType, nullable);
            },
        };
        var schema = options.GetJsonSchemaAsNode(type, exporter);
        var named = Nullable.GetUnderlyingType(type) ?? type;
        if (root && IsNamed(named))
        {
            Register(named, schema);
        }
        while (pending.TryDequeue(out var next))
        {
            if (!_names.ContainsKey(NameOf(next)))
            {
                Export(next, options, root: true);
            }
        }
        return schema;
    }

    private void Register(Type type, JsonNode schema)
    {
        var name = NameOf(type);
        if (_names.TryGetValue(name, out var known))
        {
            if (known != type)
            {
                throw new InvalidOperationException($"Two types are named {name} in the contract: {known.FullName} and {type.FullName}.");
            }
            return;
        }
        _names[name] = type;
        if (schema is JsonObject obj)
        {
            StripNull(obj);
            obj["title"] ??= name;
        }
        _components[name] = schema;
    }

    private static JsonNode Ref(Type type, bool nullable)
    {
        var reference = new JsonObject { ["$ref"] = RefPrefix + NameOf(type) };
        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
    }

    /// <summary>The component itself never holds null; a use that may be null says so beside its reference.</summary>
    private static void StripNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types)
        {
            var kept = types.Where(t => t!.GetValue<string>() != "null").Select(t => t!.GetValue<string>()).ToList();
            schema["type"] = kept.Count == 1 ? JsonValue.Create(kept[0]) : new JsonArray(kept.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
        }
        if (schema["enum"] is JsonArray values && values.Any(v => v is null))
        {
            schema["enum"] = new JsonArray(values.Where(v => v is not null).Select(v => v!.DeepClone()).ToArray());
        }
    }

    private static bool AllowsNull(JsonNode node) =>
        node is JsonObject obj && ((obj["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
            || (obj["enum"] is JsonArray values && values.Any(v => v is null)));

    /// <summary>The programme's records and enums get a component; strings, numbers, dates, lists and maps stay inline.</summary>
    private static bool IsNamed(Type type) =>
        type.Namespace?.StartsWith("Reintegration.", StringComparison.Ordinal) == true && !IsId(type)
        && (type.IsEnum || (type.IsClass && !typeof(IEnumerable).IsAssignableFrom(type)));

    /// <summary>Typed ids (Vogen) travel as strings.</summary>
    private static bool IsId(Type type) =>
        type.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name.StartsWith("ValueObjectAttribute", StringComparison.Ordinal));

    public static string NameOf(Type type) => type.IsGenericType
        ? string.Concat(type.GetGenericArguments().Select(NameOf)) + type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]
        : type.Name;

    private static JsonSerializerOptions Exported(bool requiredConstructorParameters)
    {
        var options = new JsonSerializerOptions(ProgrammeJson.Options)
        {
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = requiredConstructorParameters,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
