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
    public const string Name = "name";
    public const string DateOfBirth = "dateOfBirth";
    /// <summary>A case listing's delta token.</summary>
    public const string ChangedSince = "changedSince";
    public const string Lang = "lang";

    // One name, another meaning: the key's part before " (" is the parameter's name.
    /// <summary>An inbox's moment (not a delta token).</summary>
    public const string ChangedSinceInstant = "changedSince (instant)";
    /// <summary>A report's period: days, both required.</summary>
    public const string PeriodFrom = "from (day)";
    public const string PeriodTo = "to (day)";
    public const string Phase = "phase";
    public const string TargetGroup = "targetGroup";
    public const string ReferringOrganisation = "referringOrganisation";
    public const string Format = "format";

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
        Name => Parameter(name, "Only people with these names, in any order, accents forgiven (caseworkers and coordinators; never echoed).", new JsonObject { ["type"] = "string" }),
        DateOfBirth => Parameter(name, "Only people born on this day (caseworkers and coordinators; never echoed).", new JsonObject { ["type"] = "string", ["format"] = "date" }),
        ChangedSince => Parameter(name, "A deltaToken of an earlier answer: only the cases changed since, and in `removed` those no longer the caller's; alone, without other filters.", new JsonObject { ["type"] = "string" }),
        Lang => Parameter(name, "The language wanted (else Accept-Language, else English); Content-Language says which was given.", new JsonObject { ["type"] = "string" }),
        ChangedSinceInstant => Parameter("changedSince", "Only what changed at or after this moment (ISO 8601 with its offset).", new JsonObject { ["type"] = "string", ["format"] = "date-time" }),
        PeriodFrom => Parameter("from", "The period's first day.", new JsonObject { ["type"] = "string", ["format"] = "date" }, required: true),
        PeriodTo => Parameter("to", "The period's last day (at most ten years after from).", new JsonObject { ["type"] = "string", ["format"] = "date" }, required: true),
        Phase => Parameter(name, "Only cases of this phase.", new JsonObject { ["type"] = "string" }),
        TargetGroup => Parameter(name, "Only cases of this target group.", schemas.ForAnswer(typeof(Core.Referrals.TargetGroup))),
        ReferringOrganisation => Parameter(name, "Only cases this organisation referred.", new JsonObject { ["type"] = "string" }),
        Format => Parameter(name, "json, csv, xlsx or html; else by Accept; else json.", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("json", "csv", "xlsx", "html") }),
        _ => throw new InvalidOperationException($"The query parameter {name} is not described."),
    };

    private static JsonObject Parameter(string name, string description, JsonNode schema, bool required = false) => new()
    {
        ["name"] = name, ["in"] = "query", ["required"] = required, ["description"] = description, ["schema"] = schema,
    };
}
