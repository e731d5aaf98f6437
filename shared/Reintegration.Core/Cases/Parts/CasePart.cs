using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reintegration.Core.Cases.Parts;

/// <summary>
/// A part of a case that owns one list and the rules over it. The case stays one Cosmos document with the same shape:
/// a part is written as the plain array it holds (<see cref="CasePartConverter{TPart,TItem}"/>).
/// </summary>
public abstract class CasePart<TItem> : IReadOnlyList<TItem>
{
    protected CasePart(IEnumerable<TItem> items) => Items = items.ToList();

    protected List<TItem> Items { get; private set; }

    public int Count => Items.Count;
    public TItem this[int index] => Items[index];
    public IEnumerator<TItem> GetEnumerator() => Items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Replaces every item by what <paramref name="change"/> makes of it (anonymisation).</summary>
    protected void ReplaceEach(Func<TItem, TItem> change) => Items = Items.Select(change).ToList();
}

/// <summary>How a part is made from the array stored in the case document.</summary>
public interface ICasePart<out TSelf, TItem>
{
    static abstract TSelf From(IEnumerable<TItem> items);
}

/// <summary>Writes a part as its array and reads it back, so the document keeps the shape it had as plain lists.</summary>
public sealed class CasePartConverter<TPart, TItem> : JsonConverter<TPart>
    where TPart : CasePart<TItem>, ICasePart<TPart, TItem>
{
    public override TPart Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TPart.From(JsonSerializer.Deserialize<List<TItem>>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, TPart value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize<IReadOnlyList<TItem>>(writer, value, options);
}
