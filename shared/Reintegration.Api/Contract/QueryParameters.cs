using System.Text.Json.Nodes;
using Reintegration.Core.Cases;

namespace Reintegration.Api.Contract;

/// <summary>The query parameters of the API, each with its one meaning and schema wherever it is read.</summary>
public static class QueryParameters
{
    public const string Status = "status";
    public const string Country = "country";
    public const string ActorId = "actorId";
    public const string OrganisationId = "organisationId";
    public const string From = "from";
    public const string To = "to";
    public const string PageSize = "pageSize";
    public const string ContinuationToken = "continuationToken";

    public static JsonObject Describe(string name, SchemaSet schemas) => name switch
    {
        Status => Parameter(name, "Only cases in this status.", schemas.ForAnswer(typeof(CaseStatus))),
        Country => Parameter(name, "Only cases returning to this country (ISO 3166-1 alpha-2).", new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Z]{2}$" }),
        ActorId => Parameter(name, "Only what this user did.", new JsonObject { ["type"] = "string" }),
        OrganisationId => Parameter(name, "Only what people of this organisation did.", new JsonObject { ["type"] = "string" }),
        From => Parameter(name, "From this moment on (ISO 8601).", new JsonObject { ["type"] = "string", ["format"] = "date-time" }),
        To => Parameter(name, "Before this moment (ISO 8601).", new JsonObject { ["type"] = "string", ["format"] = "date-time" }),
        PageSize => Parameter(name, "Items per page.", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = PageRequest.MaxSize }),
        ContinuationToken => Parameter(name, "The previous page's continuationToken.", new JsonObject { ["type"] = "string" }),
        _ => throw new InvalidOperationException($"The query parameter {name} is not described."),
    };

    private static JsonObject Parameter(string name, string description, JsonNode schema) => new()
    {
        ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = schema,
    };
}
