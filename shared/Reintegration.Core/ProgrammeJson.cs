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
}
