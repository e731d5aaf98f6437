using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reintegration.Core;

/// <summary>The one JSON shape of the programme: camelCase names, ISO 8601 dates, enums by name.</summary>
public static class ProgrammeJson
{
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        };
        return options;
    }

    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>
    /// The same shape, read strictly from callers: no field the request does not have, no field twice (which copy
    /// would count?), numbers as JSON numbers only (the web defaults also take "12"), and enum values by their exact
    /// name only (the stock converter also takes "two", " Two" and "Two,One", combining the last into one value).
    /// </summary>
    public static JsonSerializerOptions CreateForRequests()
    {
        var options = new JsonSerializerOptions(Create())
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowTrailingCommas = false,
            AllowDuplicateProperties = false,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Insert(0, new ExactEnumNameConverter());
        return options;
    }

    public static readonly JsonSerializerOptions RequestOptions = CreateForRequests();
}
