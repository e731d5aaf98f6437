using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Reintegration.Functions.Contract;

namespace Reintegration.Testing;

/// <summary>
/// Checks every answer a test client receives against the API's OpenAPI document: its status must be one the
/// operation lists, and a JSON body must match that status's schema. Answers of the edge itself (no route, another
/// method, over-long request line or headers) must be problems. A mismatch fails the test that made the request.
/// </summary>
public static class ContractCheck
{
    private static readonly JsonObject Document = JsonNode.Parse(OpenApiFunctions.Document)!.AsObject();
    private static readonly string Definitions = Document["components"]!["schemas"]!.ToJsonString();
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);
    private static readonly HashSet<int> EdgeStatuses = [405, 414, 431];
    private static int _built;

    public static async Task CheckAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var method = request.Method.Method.ToLowerInvariant();
        var path = request.RequestUri!.AbsolutePath;
        var status = (int)response.StatusCode;
        var match = Operation(path, method);
        string where;
        JsonNode? schema;
        if (match is null || EdgeStatuses.Contains(status))
        {
            where = $"{request.Method} {path} (no operation of the document) answered {status}";
            if (status < 400)
            {
                throw new ContractViolationException($"{where}: only a problem may answer a request no operation describes.");
            }
            schema = new JsonObject { ["$ref"] = "#/components/schemas/Problem" };
        }
        else
        {
            var (template, operation) = match.Value;
            where = $"{operation["operationId"]} ({request.Method} {template}) answered {status} to {path}";
            var answer = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                ?? throw new ContractViolationException($"{where}: the document lists no {status} for this operation.");
            if (answer["content"] is not JsonObject content)
            {
                return;
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null || content[mediaType] is not { } described)
            {
                if (status == 304 || response.Content.Headers.ContentLength == 0)
                {
                    return;
                }
                throw new ContractViolationException($"{where}: the body is {mediaType ?? "untyped"}, the document says {string.Join(", ", content.Select(c => c.Key))}.");
            }
            if (!mediaType.EndsWith("json", StringComparison.Ordinal))
            {
                return;
            }
            schema = described["schema"];
        }
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (text.Length == 0)
        {
            return;
        }
        using var body = JsonDocument.Parse(text);
        var results = SchemaOf(schema!).Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var errors = (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .Take(20);
            throw new ContractViolationException($"{where}: the body does not match the document's schema:\n{string.Join("\n", errors)}");
        }
    }

    /// <summary>The operation whose path template matches (a literal segment beats a route value).</summary>
    private static (string Template, JsonObject Operation)? Operation(string path, string method)
    {
        const string prefix = "/api/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var segments = path[prefix.Length..].Split('/');
        var best = default((string, JsonObject)?);
        var bestLiterals = -1;
        foreach (var (template, item) in Document["paths"]!.AsObject())
        {
            var parts = template.TrimStart('/').Split('/');
            if (parts.Length != segments.Length || item![method] is not JsonObject operation)
            {
                continue;
            }
            var literals = 0;
            var matches = true;
            for (var i = 0; i < parts.Length && matches; i++)
            {
                if (parts[i].StartsWith('{'))
                {
                    matches = segments[i].Length > 0;
                }
                else
                {
                    matches = string.Equals(parts[i], Uri.UnescapeDataString(segments[i]), StringComparison.OrdinalIgnoreCase);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals)
            {
                best = (template, operation);
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static JsonSchema SchemaOf(JsonNode schema)
    {
        var key = schema.ToJsonString();
        return Schemas.GetOrAdd(key, k =>
        {
            // One self-contained schema: the document's components as $defs.
            var text = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{{Definitions}},"allOf":[{{k}}]}"""
                .Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
            var id = Interlocked.Increment(ref _built);
            return JsonSchema.FromText(text, baseUri: new Uri($"https://reintegration.invalid/contract/{id}"));
        });
    }
}

public sealed class ContractViolationException(string message) : Exception(message);

/// <summary>Puts <see cref="ContractCheck"/> between a test client and the app.</summary>
public sealed class ContractCheckingHandler() : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
        {
            await ContractCheck.CheckAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
        return response;
    }
}
