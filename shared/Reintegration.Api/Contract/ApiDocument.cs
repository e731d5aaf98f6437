using System.Reflection;
using System.Text.Json.Nodes;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Gate;

namespace Reintegration.Api.Contract;

/// <summary>
/// The OpenAPI 3.1 document of the API, built from the HTTP functions' triggers and their <see cref="ApiOperationAttribute"/>s,
/// with the schemas of the C# types they read and answer (docs/decisions/0015).
/// </summary>
public static class ApiDocument
{
    public const string BearerScheme = "bearer";
    private const string ProblemJson = "application/problem+json";

    public static JsonObject Build(IEnumerable<HttpOperation> operations)
    {
        var schemas = new SchemaSet();
        var problem = ProblemSchema(schemas);
        var paths = new JsonObject();
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var byPath in operations.OrderBy(o => o.Path, StringComparer.Ordinal).GroupBy(o => o.Path))
        {
            var item = new JsonObject();
            foreach (var operation in byPath.OrderBy(o => o.Method, StringComparer.Ordinal))
            {
                var tag = operation.Route.Split('/')[0];
                tags.Add(tag);
                item[operation.Method.ToLowerInvariant()] = Operation(operation, tag, schemas, problem);
            }
            paths[byPath.Key] = item;
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "Reintegration API",
                ["version"] = "1",
                ["summary"] = "Referral, plan, budget and monitoring of people returning to their country of origin.",
                ["description"] = "Every error is application/problem+json with a stable `type`; each operation lists the types it can answer. " +
                    "Changes of a case need `If-Match` with the ETag of the version they change. Tokens go in `Authorization`, never in the URL.",
                ["contact"] = new JsonObject { ["name"] = "The programme's coordination" },
                ["license"] = new JsonObject { ["name"] = "Proprietary", ["identifier"] = "LicenseRef-Proprietary" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/api", ["description"] = "This app" }),
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["description"] = $"The {t} routes." }).ToArray()),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components(),
                ["securitySchemes"] = new JsonObject
                {
                    [BearerScheme] = new JsonObject
                    {
                        ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT",
                        ["description"] = "An Entra ID token with one role (caseworker, coordinator, partner, dpo) and the `org` claim naming an " +
                            "active organisation of the kind the role works for. Each operation's security names the roles it takes.",
                    },
                },
            },
        };
    }

    private static JsonObject Operation(HttpOperation operation, string tag, SchemaSet schemas, JsonNode problem)
    {
        var contract = operation.Contract ?? new ApiOperationAttribute($"{operation.FunctionName} (not described)");
        var parameters = new JsonArray();
        foreach (var value in operation.RouteValues)
        {
            parameters.Add(RouteValue(value));
        }
        foreach (var name in contract.Query.Concat(contract.Shape == Shape.Page ? [QueryParameters.PageSize, QueryParameters.ContinuationToken] : []))
        {
            parameters.Add(QueryParameters.Describe(name, schemas));
        }
        var isRead = operation.Method == "GET";
        if (contract.Answer == Answer.Versioned && isRead)
        {
            parameters.Add(Header("If-None-Match", false, "An ETag the client holds: 304 without a body when it is still the current version."));
        }
        if (contract.IfMatch != IfMatch.None)
        {
            parameters.Add(Header("If-Match", contract.IfMatch == IfMatch.Required, contract.IfMatch == IfMatch.Required
                ? "The ETag of the version this change is made to: 428 without it, 412 when it is no longer current."
                : "Without it the PUT creates (201; 428 when it exists already); with it, it replaces the version it names (412 when no longer current)."));
        }
        if (contract.IdempotencyKey)
        {
            parameters.Add(Header("Idempotency-Key", false,
                "Repeating a request with the same key and body answers the first outcome again; with another body, 422."));
        }
        var roles = RolesOf(contract);
        var result = new JsonObject
        {
            ["operationId"] = operation.FunctionName,
            ["summary"] = contract.Summary,
            ["description"] = contract.Anonymous ? "Anyone, without a token." : "Roles: " + string.Join(", ", roles.Select(Roles.Name)) + ".",
            ["tags"] = new JsonArray(tag),
            ["security"] = contract.Anonymous
                ? new JsonArray()
                : new JsonArray(new JsonObject { [BearerScheme] = new JsonArray(roles.Select(r => (JsonNode)Roles.Name(r)).ToArray()) }),
        };
        if (!contract.Anonymous)
        {
            result["x-roles"] = new JsonArray(roles.Select(r => (JsonNode)Roles.Name(r)).ToArray());
        }
        if (parameters.Count > 0)
        {
            result["parameters"] = parameters;
        }
        if (contract.Requests.Length > 0)
        {
            result["requestBody"] = RequestBody(contract.Requests, schemas);
        }
        else if (contract.BodyMediaType is { } bodyMediaType)
        {
            result["requestBody"] = LinesBody(bodyMediaType, contract.BodyLine, schemas);
        }
        result["responses"] = Responses(operation, contract, roles, schemas, problem);
        return result;
    }

    /// <summary>The roles the attribute names, or those of the case permission it names (the gate's own table).</summary>
    private static Role[] RolesOf(ApiOperationAttribute contract)
    {
        IEnumerable<Role> roles = contract.Permission switch
        {
            null => contract.Roles.Length > 0 ? contract.Roles : Enum.GetValues<Role>(),
            ApiOperationAttribute.CaseActions => Enum.GetValues<CaseAction>().SelectMany(a => CasePermissions.Act(a).Roles)
                .Concat(CasePermissions.WithdrawConsent.Roles).Concat(CasePermissions.GiveConsent.Roles),
            var name when Enum.TryParse<CaseAction>(name, out var action) => CasePermissions.Act(action).Roles,
            var name => (typeof(CasePermissions).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as CaseOperation
                ?? throw new InvalidOperationException($"CasePermissions has no operation {name}.")).Roles,
        };
        return roles.Distinct().Order().ToArray();
    }

    private static JsonObject Responses(HttpOperation operation, ApiOperationAttribute contract, Role[] roles, SchemaSet schemas, JsonNode problem)
    {
        var responses = new JsonObject();
        var body = Body(contract, roles, schemas);
        switch (contract.Answer)
        {
            case Answer.Ok:
                responses["200"] = Success("Done.", contract.MediaType, body);
                break;
            case Answer.Versioned:
                responses["200"] = Success("The current version, with its ETag.", contract.MediaType, body, etag: true);
                if (operation.Method == "GET")
                {
                    responses["304"] = new JsonObject { ["description"] = "If-None-Match names the current version.", ["headers"] = ETagHeader() };
                }
                break;
            case Answer.Created:
                responses["201"] = Success("Created, at Location.", contract.MediaType, body, etag: true, location: true);
                break;
            case Answer.Accepted:
                responses["202"] = Success("Accepted: the work goes on; Location is where its progress is read.", contract.MediaType, body, etag: true, location: true);
                break;
            case Answer.Saved:
                responses["200"] = Success("Replaced (If-Match named the current version).", contract.MediaType, body, etag: true);
                responses["201"] = Success("Created (no If-Match).", contract.MediaType, body, etag: true, location: true);
                break;
        }
        var types = ProblemCatalog.Usual(contract, operation.RouteValues.Count > 0).Concat(contract.Problems).Distinct().Select(ProblemCatalog.Of);
        foreach (var byStatus in types.GroupBy(e => e.Status).OrderBy(g => g.Key))
        {
            var response = new JsonObject
            {
                ["description"] = string.Join(" ", byStatus.Select(e => $"`{e.Type}`: {e.Meaning}")),
                ["content"] = new JsonObject
                {
                    [ProblemJson] = new JsonObject
                    {
                        ["schema"] = new JsonObject
                        {
                            ["allOf"] = new JsonArray(problem.DeepClone(), new JsonObject
                            {
                                ["properties"] = new JsonObject
                                {
                                    ["type"] = new JsonObject { ["enum"] = new JsonArray(byStatus.Select(e => (JsonNode)e.Type).ToArray()) },
                                    ["status"] = new JsonObject { ["const"] = byStatus.Key },
                                },
                            }),
                        },
                        ["example"] = ProblemExample(byStatus.First(), operation),
                    },
                },
            };
            if (byStatus.Key == 401)
            {
                response["headers"] = new JsonObject
                {
                    ["WWW-Authenticate"] = new JsonObject { ["description"] = "Bearer", ["schema"] = new JsonObject { ["type"] = "string" } },
                };
            }
            responses[byStatus.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }
        return responses;
    }

    private static JsonNode Body(ApiOperationAttribute contract, Role[] roles, SchemaSet schemas)
    {
        if (contract.Response is null)
        {
            return new JsonObject { ["type"] = "object" };
        }
        JsonNode one;
        string name;
        if (ViewsOf(contract.Response) is { } byRole)
        {
            var views = roles.Select(byRole.ViewFor).OfType<Type>().Distinct().ToList();
            if (views.Count == 0)
            {
                throw new InvalidOperationException($"No role of {contract.Summary} has a {byRole.Resource} view.");
            }
            one = views.Count == 1 ? schemas.ForAnswer(views[0]) : new JsonObject { ["anyOf"] = new JsonArray(views.Select(schemas.ForAnswer).ToArray()) };
            name = SchemaSet.NameOf(contract.Response);
        }
        else if (contract.AlsoAnswers.Length > 0)
        {
            one = new JsonObject { ["anyOf"] = new JsonArray(contract.AlsoAnswers.Prepend(contract.Response).Select(schemas.ForAnswer).ToArray()) };
            name = SchemaSet.NameOf(contract.Response);
        }
        else
        {
            one = schemas.ForAnswer(contract.Response);
            name = SchemaSet.NameOf(contract.Response);
        }
        if (contract.Shape == Shape.Page && contract.Envelope is { } envelope)
        {
            return EnvelopeOf(envelope, one, schemas);
        }
        return contract.Shape switch
        {
            Shape.List => new JsonObject { ["type"] = "array", ["items"] = one },
            Shape.Page => schemas.Add(name + "Page", new JsonObject
            {
                ["type"] = "object",
                ["title"] = name + "Page",
                ["properties"] = new JsonObject
                {
                    ["items"] = new JsonObject { ["type"] = "array", ["items"] = one },
                    ["continuationToken"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "Send it back for the next page; null on the last." },
                },
                ["required"] = new JsonArray("items", "continuationToken"),
                ["additionalProperties"] = false,
            }),
            _ => one,
        };
    }

    /// <summary>The envelope record's own schema, with its items (written as objects) described as the views they are.</summary>
    private static JsonNode EnvelopeOf(Type envelope, JsonNode item, SchemaSet schemas)
    {
        schemas.ForAnswer(envelope);
        var name = SchemaSet.NameOf(envelope);
        var schema = schemas.Components()[name]!.AsObject();
        if (schema["properties"]?["items"] is null)
        {
            throw new InvalidOperationException($"{name} has no items to describe.");
        }
        schema["properties"]!["items"] = new JsonObject { ["type"] = "array", ["items"] = item.DeepClone() };
        return schemas.Add(name, schema);
    }

    /// <summary>A body that is a file of JSON lines: each line one record, read strictly; the whole checked line by line.</summary>
    private static JsonObject LinesBody(string mediaTypes, Type? line, SchemaSet schemas)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (line is not null)
        {
            schema["description"] = $"One {SchemaSet.NameOf(line)} per line.";
            schema["contentSchema"] = schemas.ForRequest(line);
        }
        return new JsonObject
        {
            ["required"] = true,
            ["description"] = line is null
                ? "The file."
                : $"One JSON object per line, each a {SchemaSet.NameOf(line)} read strictly; a bad line is reported by its number and imports nothing of it.",
            ["content"] = new JsonObject(mediaTypes.Split(", ").Select(m => KeyValuePair.Create(m, (JsonNode?)new JsonObject { ["schema"] = schema.DeepClone() }))),
        };
    }

    /// <summary>A view answered per role (<see cref="ViewsByRole{TSource}"/>): each role receives its own record.</summary>
    private static IViewsByRole? ViewsOf(Type type) =>
        type.GetField("ByRole", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IViewsByRole;

    private static JsonObject RequestBody(Type[] requests, SchemaSet schemas)
    {
        var schema = requests.Length == 1
            ? schemas.ForRequest(requests[0])
            : new JsonObject { ["anyOf"] = new JsonArray(requests.Select(schemas.ForRequest).ToArray()) };
        var media = new JsonObject { ["schema"] = schema };
        var examples = requests.Select(RequestExamples.For).OfType<JsonNode>().ToList();
        if (examples.Count == 1)
        {
            media["example"] = examples[0];
        }
        else if (examples.Count > 1)
        {
            media["examples"] = new JsonObject(requests.Zip(examples).Select(p => KeyValuePair.Create(p.First.Name, (JsonNode?)new JsonObject { ["value"] = p.Second })));
        }
        return new JsonObject
        {
            ["required"] = true,
            ["description"] = "Read strictly: no unknown or repeated field, numbers as numbers, enum values by their exact name.",
            ["content"] = new JsonObject { ["application/json"] = media },
        };
    }

    private static JsonObject Success(string description, string mediaType, JsonNode schema, bool etag = false, bool location = false)
    {
        var response = new JsonObject
        {
            ["description"] = description,
            // A body that is not JSON (CSV, a workbook, a page) is described as what it is: not JSON.
            ["content"] = new JsonObject(mediaType.Split(", ").Select(m => KeyValuePair.Create(m, (JsonNode?)new JsonObject
            {
                ["schema"] = m.EndsWith("json", StringComparison.Ordinal) ? schema.DeepClone() : NotJson(m),
            }))),
        };
        var headers = etag ? ETagHeader() : new JsonObject();
        if (location)
        {
            headers["Location"] = new JsonObject { ["description"] = "Where the created resource is read.", ["schema"] = new JsonObject { ["type"] = "string" } };
        }
        if (headers.Count > 0)
        {
            response["headers"] = headers;
        }
        return response;
    }

    private static JsonObject NotJson(string mediaType) => mediaType.StartsWith("text/", StringComparison.Ordinal)
        ? new JsonObject { ["type"] = "string" }
        : new JsonObject { ["type"] = "string", ["contentMediaType"] = mediaType };

    private static JsonObject ETagHeader() => new()
    {
        ["ETag"] = new JsonObject { ["description"] = "The version: send it in If-Match to change it, in If-None-Match to read it again.", ["schema"] = new JsonObject { ["type"] = "string" } },
    };

    private static JsonObject Header(string name, bool required, string description) => new()
    {
        ["name"] = name, ["in"] = "header", ["required"] = required, ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonObject RouteValue(string name)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (name == "action")
        {
            schema["enum"] = new JsonArray(CaseActionNames.All.Append(ConsentActionNames.Withdraw).Append(ConsentActionNames.Give)
                .Order(StringComparer.Ordinal).Select(n => (JsonNode)n).ToArray());
        }
        return new JsonObject
        {
            ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = schema,
            ["description"] = name == "action" ? "The action to take." : "An id of the shape this route takes (docs/decisions/0013): another shape answers 404.",
        };
    }

    /// <summary>The problem record, with the trace id that links an answer to the server's logs.</summary>
    private static JsonNode ProblemSchema(SchemaSet schemas)
    {
        var reference = schemas.ForAnswer(typeof(Problem));
        var components = schemas.Components();
        var problem = components["Problem"]!.AsObject();
        problem["properties"]!["traceId"] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = "The W3C trace id of the request, to find it in the server's logs (optional).",
        };
        problem["description"] = "An RFC 9457 problem. Clients switch on `type`, never on `title` or `detail`.";
        schemas.Add("Problem", problem.DeepClone());
        return reference;
    }

    private static JsonObject ProblemExample(ProblemCatalog.Entry entry, HttpOperation operation) => new()
    {
        ["type"] = entry.Type,
        ["title"] = entry.Meaning,
        ["status"] = entry.Status,
        ["detail"] = null,
        ["instance"] = "/api" + operation.Path,
    };
}
