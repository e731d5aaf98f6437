using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Contract;
using Reintegration.Api.Http;
using Reintegration.EndToEnd.Tests.Fuzzing;
using Reintegration.Functions.Contract;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests.Contract;

/// <summary>The OpenAPI document describes every HTTP function, is served cacheable, lints clean and gives TypeScript types.</summary>
public sealed partial class ApiContractTests(LocalHostFixture host)
{
    private static readonly JsonObject Document = JsonNode.Parse(OpenApiFunctions.Document)!.AsObject();

    /// <summary>Each HTTP function's route and method, read from the trigger attributes here, independently of the document's builder.</summary>
    public static TheoryData<string, string, string> HttpFunctionRoutes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var method in typeof(OpenApiFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()?.Name;
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().FirstOrDefault();
            if (name is null || trigger?.Route is null || trigger.Route.StartsWith("{*", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var verb in trigger.Methods ?? [])
            {
                data.Add(name, verb.ToUpperInvariant(), trigger.Route);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HttpFunctionRoutes))]
    public void Every_http_function_is_an_operation_of_the_document_with_its_contract(string function, string method, string route)
    {
        var operation = Document["paths"]?["/" + route]?[method.ToLowerInvariant()];
        Assert.True(operation is not null, $"{function} ({method} {route}) is not in the OpenAPI document.");
        Assert.Equal(function, operation["operationId"]!.GetValue<string>());
        var declared = typeof(OpenApiFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == function);
        Assert.True(declared.GetCustomAttribute<ApiOperationAttribute>() is not null, $"{function} has no [ApiOperation] beside it.");
    }

    [Fact]
    public void Each_operation_declares_exactly_the_request_records_its_function_reads()
    {
        var mismatches = new List<string>();
        foreach (var method in typeof(OpenApiFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
        {
            if (method.GetCustomAttribute<ApiOperationAttribute>() is not { } contract)
            {
                continue;
            }
            var read = RequestTypes.ReadBy(method).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
            var declared = contract.Requests.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
            if (!read.SequenceEqual(declared))
            {
                mismatches.Add($"{method.DeclaringType!.Name}.{method.Name} reads [{string.Join(", ", read)}], declares [{string.Join(", ", declared)}]");
            }
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public void The_problem_catalog_has_every_problem_type_once()
    {
        var types = typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(types, ProblemCatalog.All.Select(e => e.Type).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Problems_describe_an_optional_trace_id()
    {
        var problem = Document["components"]!["schemas"]!["Problem"]!;
        Assert.Equal("string", problem["properties"]!["traceId"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("traceId", problem["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task The_document_is_served_to_anyone_cacheable_with_an_etag()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var response = await host.Client.GetAsync("api/openapi.json", cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OpenApiFunctions.Document, await response.Content.ReadAsByteArrayAsync(cancel));
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var etag = response.Headers.ETag!.Tag;

        using var again = new HttpRequestMessage(HttpMethod.Get, "api/openapi.json");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var notModified = await host.Client.SendAsync(again, cancel);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_docs_page_loads_its_scripts_and_styles_from_this_app_only()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var page = await host.Client.GetAsync("api/docs", cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SecurityHeaders.DocsPagePolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        var html = await page.Content.ReadAsStringAsync(cancel);
        var references = Reference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains("docs/swagger-ui-bundle.js", references);
        Assert.Contains("docs/swagger-ui.css", references);
        foreach (var reference in references)
        {
            Assert.False(Uri.TryCreate(reference, UriKind.Absolute, out _) || reference.StartsWith("//", StringComparison.Ordinal),
                $"The docs page loads {reference} from elsewhere.");
            using var file = await host.Client.GetAsync(new Uri(new Uri(host.BaseAddress, "api/docs"), reference), cancel);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.True((await file.Content.ReadAsByteArrayAsync(cancel)).Length > 0, $"{reference} is empty.");
            Assert.Matches("^text/(javascript|css)$", file.Content.Headers.ContentType!.MediaType!);
        }
        var initialiser = await host.Client.GetStringAsync("api/docs/docs.js", cancel);
        Assert.Contains("\"openapi.json\"", initialiser, StringComparison.Ordinal);
        Assert.DoesNotContain("http", initialiser, StringComparison.OrdinalIgnoreCase);

        using var missing = await host.Client.GetAsync("api/docs/other.js", cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The same checks as .ci/run, so a developer sees them in `dotnet test`.</summary>
    [Fact]
    public async Task Spectral_finds_no_error_and_openapi_typescript_generates_types()
    {
        var cancel = TestContext.Current.CancellationToken;
        var root = RepositoryRoot();
        var tools = Path.Combine(root, "tools", "contract");
        var work = Directory.CreateTempSubdirectory("openapi-");
        var document = Path.Combine(work.FullName, "openapi.json");
        await File.WriteAllBytesAsync(document, OpenApiFunctions.Document, cancel);

        var installed = await Node(tools, cancel, "../ensure-installed.js", ".");
        Assert.True(installed.ExitCode == 0, "npm ci failed:\n" + installed.Output);
        var lint = await Node(tools, cancel, "node_modules/@stoplight/spectral-cli/dist/index.js", "lint", "--fail-severity", "error",
            "--ruleset", Path.Combine(root, ".spectral.yaml"), document);
        Assert.True(lint.ExitCode == 0, "Spectral found errors:\n" + lint.Output);
        var types = Path.Combine(work.FullName, "api.d.ts");
        var generated = await Node(tools, cancel, "node_modules/openapi-typescript/bin/cli.js", document, "--output", types);
        Assert.True(generated.ExitCode == 0, "openapi-typescript failed:\n" + generated.Output);
        Assert.Contains("RegisterReferral", await File.ReadAllTextAsync(types, cancel), StringComparison.Ordinal);
        work.Delete(recursive: true);
    }

    private static async Task<(int ExitCode, string Output)> Node(string directory, CancellationToken cancel, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var errors = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ".spectral.yaml")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("No .spectral.yaml above the test's folder.");
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Reference();
}
