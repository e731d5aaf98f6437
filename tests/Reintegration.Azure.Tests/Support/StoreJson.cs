using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.Core;

namespace Reintegration.Azure.Tests.Support;

/// <summary>Compares values by their programme JSON, so every field counts, including ones a test does not name.</summary>
internal static class StoreJson
{
    public static JsonNode Of<T>(T value) => JsonSerializer.SerializeToNode(value, ProgrammeJson.Options)!;

    /// <summary>Equal JSON (numbers by value: the store may write 1000.50 back as 1000.5); on failure shows both.</summary>
    public static void AssertSameJson<T>(T expected, T actual)
    {
        var e = Of(expected);
        var a = Of(actual);
        if (!JsonNode.DeepEquals(e, a))
        {
            Assert.Fail($"The JSON differs.\nExpected: {e.ToJsonString()}\nActual:   {a.ToJsonString()}");
        }
    }
}
