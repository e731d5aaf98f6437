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
/// Bodies for a request record, by reflection over its properties (nested records, lists, strings, numbers, dates,
/// booleans). Three kinds of object: every field valid (from the <see cref="Vocabulary"/>), so the programme's rules
/// run; every field valid but one, which is hostile, left out or of the wrong JSON type, so each field's edge is reached
/// past the others' checks; and every field drawn freely. Objects sometimes carry unknown fields, duplicate keys or
/// names in another case; the whole body is sometimes not the object at all, not JSON, not UTF-8, or of another type.
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
        var objectText = Object(requestType);
        var text = Gen.Frequency(
            (40, objectText),
            (5, Gen.OneOf(HostileInputs.Bodies)),
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
            var leaf = ElementType(type) ?? type;
            if (IsScalar(leaf)) continue;
            if (IsRecord(leaf) && depth < MaxDepth)
            {
                foreach (var problem in Unsupported(leaf, depth + 1)) yield return problem;
                continue;
            }
            yield return $"{requestType.Name}.{property.Name} ({property.PropertyType.Name})";
        }
    }

    private static FuzzBody Json(string text) => new("application/json", Encoding.UTF8.GetBytes(text));

    /// <summary>The object's JSON text, of one of the three kinds.</summary>
    private Gen<string> Object(Type type)
    {
        var slots = new Slots();
        var valid = Members(type, 0, new Mode(null, Mixed: false), slots);
        var oneHostile = Enumerable.Range(0, slots.Count).Select(slot => (IGen<List<string>>)Members(type, 0, new Mode(slot, Mixed: false), new Slots())).ToArray();
        var mixed = Members(type, 0, new Mode(null, Mixed: true), new Slots());
        var members = Gen.Frequency((3, valid), (5, oneHostile.Length == 0 ? valid : Gen.OneOf(oneHostile)), (2, mixed));
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

    /// <summary>"name":value pairs; a field whose value is null is left out.</summary>
    private Gen<List<string>> Members(Type type, int depth, Mode mode, Slots slots)
    {
        var fields = Properties(type)
            .Select(p => (Name: JsonNamingPolicy.CamelCase.ConvertName(p.Name), Type: p.PropertyType))
            .Select(f => Value(f.Name, f.Type, depth, mode, slots).Select(v => v is null ? null : $"{Vocabulary.Text(f.Name)}:{v}"))
            .ToList();
        return Gens.All(fields).Select(list => list.OfType<string>().ToList());
    }

    /// <summary>The field's JSON value, or null to leave it out. Each field takes a slot, also when it is not the hostile one.</summary>
    private Gen<string?> Value(string field, Type declared, int depth, Mode mode, Slots slots)
    {
        var slot = slots.Next();
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var element = ElementType(type);
        var valid = vocabulary.For(field);
        Gen<string> good, bad;
        if (element is not null)
        {
            // The elements take their slots once; in the one-hostile kind they are valid unless one of them is the hostile slot.
            var item = Value(field, element, depth, mode, slots).Select(v => v ?? "null");
            good = item.Array[0, 3].Select(JsonArray);
            bad = Gen.Frequency((3, item.Array[21, 60].Select(JsonArray)), (1, Gen.Const("[]")), (1, Gen.Const("[null]")));
        }
        else if (IsRecord(type) && depth < MaxDepth)
        {
            good = Members(type, depth + 1, mode, slots).Select(list => "{" + string.Join(",", list) + "}");
            bad = Gen.OneOf(HostileInputs.WrongTypes);
        }
        else
        {
            (good, bad) = Scalar(field, type, valid);
        }

        var hostile = Gen.Frequency((6, bad.Select(v => (string?)v)), (1, Gen.Const((string?)null)), (1, Gen.Const((string?)"null")),
            (2, Gen.OneOf<string?>(HostileInputs.WrongTypes)));
        if (mode.Mixed)
        {
            return Gen.Frequency((16, good.Select(v => (string?)v)), (2, bad.Select(v => (string?)v)), (1, Gen.Const((string?)null)), (1, hostile));
        }
        return slot == mode.HostileSlot ? hostile : good.Select(v => (string?)v);
    }

    private static (Gen<string> Good, Gen<string> Bad) Scalar(string field, Type type, IReadOnlyList<string> valid)
    {
        string[] Or(params string[] fallback) => valid.Count > 0 ? [.. valid] : fallback;
        return type switch
        {
            _ when type == typeof(string) => (Gen.OneOf(Or("\"Fuzz text\"")), Gen.OneOf(HostileInputs.Strings)),
            _ when type == typeof(bool) => (Gen.OneOf("true", "false"), Gen.OneOf("\"true\"", "0", "1", "\"\"")),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) =>
                (Gen.OneOf(Or("1", "3", "100")), Gen.OneOf([.. HostileInputs.Numbers, .. HostileInputs.NumbersAsStrings])),
            _ when type == typeof(DateOnly) || type == typeof(DateTimeOffset) => (Gen.OneOf(Or("\"2026-01-15\"")), Gen.OneOf(HostileInputs.Dates)),
            _ when type.IsEnum => (Gen.OneOf([.. Enum.GetNames(type).Select(Vocabulary.Text)]), Gen.OneOf("\"DidNotDepart,Withdrew\"", "1", "\"1\"", "\"none\"")),
            _ => throw new NotSupportedException($"No generator for {type.Name} ({field})."),
        };
    }

    private static string JsonArray(string[] items) => "[" + string.Join(",", items) + "]";

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    private static Type? ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(decimal)
        || type == typeof(double) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type.IsEnum;

    private static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && Properties(type).Any();

    /// <summary>Which field (by its place in a depth-first walk) is the hostile one; Mixed: every field drawn freely.</summary>
    private sealed record Mode(int? HostileSlot, bool Mixed);

    private sealed class Slots
    {
        public int Count { get; private set; }

        public int Next() => Count++;
    }
}
