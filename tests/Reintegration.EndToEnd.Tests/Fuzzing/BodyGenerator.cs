using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>A request body as sent: its Content-Type (null: none) and bytes (null: no body).</summary>
internal sealed record FuzzBody(string? ContentType, byte[]? Bytes)
{
    public static readonly FuzzBody None = new(null, null);

    public override string ToString()
    {
        if (Bytes is null) return "(no body)";
        var text = Encoding.UTF8.GetString(Bytes);
        return $"Content-Type: {ContentType ?? "(none)"}\n{(text.Length > 600 ? text[..600] + $"... ({Bytes.Length} bytes)" : text)}";
    }
}

/// <summary>
/// Bodies for a request record, by reflection over its properties: nested records, lists, strings, numbers, dates and
/// booleans get valid values (from the <see cref="Vocabulary"/>) mixed with hostile ones, wrong JSON types, unknown
/// fields and duplicate keys; the whole body is sometimes not JSON at all or sent with another Content-Type.
/// </summary>
internal sealed class BodyGenerator(Vocabulary vocabulary)
{
    private const int MaxDepth = 4;

    /// <summary>A body for a function that reads <paramref name="requestType"/>, or (null) one that reads no body.</summary>
    public Gen<FuzzBody> For(Type? requestType)
    {
        if (requestType is null)
        {
            return Gen.Frequency(
                (9, Gen.Const(FuzzBody.None)),
                (1, Gen.OneOf(HostileInputs.Bodies).Select(text => Json(text))));
        }
        var objectText = Object(requestType, 0);
        var text = Gen.Frequency(
            (40, objectText),
            (6, Gen.OneOf(HostileInputs.Bodies)),
            (2, Gen.OneOf(HostileInputs.WrongTypes)));
        var contentType = Gen.Frequency(
            (40, Gen.OneOf<string?>("application/json", "application/json; charset=utf-8")),
            (3, Gen.OneOf<string?>(HostileInputs.ContentTypes)),
            (1, Gen.Const((string?)null)));
        return Gen.Frequency(
            (48, Gen.Select(contentType, text, (type, body) => new FuzzBody(type, Encoding.UTF8.GetBytes(body)))),
            // Bytes that are not UTF-8, inside an otherwise valid object.
            (1, objectText.Select(body => new FuzzBody("application/json", [.. Encoding.UTF8.GetBytes(body[..^1]), .. ",\"x\":\""u8, 0xC0, 0xAF, 0xFF, .. "\"}"u8]))),
            (1, Gen.Const(FuzzBody.None)));
    }

    /// <summary>Checks that every property of the request type (and the types it holds) has a generator.</summary>
    public static IEnumerable<string> Unsupported(Type requestType, int depth = 0)
    {
        foreach (var property in Properties(requestType))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = ElementType(type);
            var leaf = element ?? type;
            if (IsScalar(leaf)) continue;
            if (IsRecord(leaf) && depth < MaxDepth)
            {
                foreach (var problem in Unsupported(leaf, depth + 1)) yield return problem;
                continue;
            }
            yield return $"{requestType.Name}.{property.Name} ({property.PropertyType.Name})";
        }
    }

    private static FuzzBody Json(string text, string contentType = "application/json") => new(contentType, Encoding.UTF8.GetBytes(text));

    private Gen<string> Object(Type type, int depth)
    {
        var fields = Properties(type)
            .Select(p => (Name: JsonNamingPolicy.CamelCase.ConvertName(p.Name), Value: Value(JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType, depth)))
            .Select(f => Gen.Frequency(
                    (9, f.Value.Select(v => (string?)$"{Vocabulary.Text(f.Name)}:{v}")),
                    (1, Gen.Const((string?)null))))
            .ToList();
        var members = Gens.All(fields).Select(list => list.OfType<string>().ToList());
        return Gen.Frequency(
            (14, members),
            (1, members.Select(list => (List<string>)[.. list, "\"unknownField\":1"])),
            // Duplicate keys: the first field again, with a hostile value.
            (1, Gen.Select(members, Gen.OneOf(HostileInputs.Strings), (list, value) =>
                list.Count == 0 ? list : (List<string>)[.. list, list[0][..(list[0].IndexOf("\":", StringComparison.Ordinal) + 2)] + value])),
            // Names in another case: the programme's JSON reads them case-insensitively.
            (1, members.Select(list => (List<string>)[.. list.Select(m => "\"" + char.ToUpperInvariant(m[1]) + m[2..])])))
            .Select(list => "{" + string.Join(",", list) + "}");
    }

    private Gen<string> Value(string field, Type declared, int depth)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var valid = vocabulary.For(field);
        var element = ElementType(type);
        var gen = element is not null ? List(field, element, depth)
            : type == typeof(string) ? Gens.Mostly(valid.Count > 0 ? valid : ["\"Fuzz text\""], HostileInputs.Strings, 8, 2)
            : type == typeof(bool) ? Gens.Mostly(["true", "false"], ["\"true\"", "0", "1"], 9, 1)
            : type == typeof(int) || type == typeof(long) ? Gens.Mostly(valid.Count > 0 ? valid : ["1", "3", "100"], [.. HostileInputs.Numbers, .. HostileInputs.NumbersAsStrings], 8, 2)
            : type == typeof(decimal) || type == typeof(double) ? Gens.Mostly(valid.Count > 0 ? valid : ["1000", "500", "412.37"], [.. HostileInputs.Numbers, .. HostileInputs.NumbersAsStrings], 8, 2)
            : type == typeof(DateOnly) || type == typeof(DateTimeOffset) ? Gens.Mostly(valid.Count > 0 ? valid : ["\"2026-01-15\""], HostileInputs.Dates, 8, 2)
            : type.IsEnum ? Gens.Mostly([.. Enum.GetNames(type).Select(Vocabulary.Text)], ["\"DidNotDepart,Withdrew\"", "1", "\"1\"", "\"none\""], 8, 2)
            : IsRecord(type) && depth < MaxDepth ? Object(type, depth + 1)
            : throw new NotSupportedException($"No generator for {type.Name} ({field}).");
        return Gen.Frequency((18, gen), (1, Gen.Const("null")), (1, Gen.OneOf(HostileInputs.WrongTypes)));
    }

    private Gen<string> List(string field, Type element, int depth)
    {
        var item = Value(field, element, depth);
        return Gen.Frequency(
            (8, item.Array[0, 3]),
            (1, item.Array[21, 60]),
            (1, Gen.Const(Array.Empty<string>())))
            .Select(items => "[" + string.Join(",", items) + "]");
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    private static Type? ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(decimal)
        || type == typeof(double) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type.IsEnum;

    private static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && Properties(type).Any();
}
