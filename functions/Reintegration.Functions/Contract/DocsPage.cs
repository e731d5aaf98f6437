using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Api.Contract;
using Reintegration.Api.Http;

namespace Reintegration.Functions.Contract;

/// <summary>
/// The docs page: Swagger UI's files come from the pinned Swashbuckle.AspNetCore.SwaggerUI package, where they are
/// embedded, and are served by this app, so the page loads nothing from elsewhere (its CSP says so too).
/// </summary>
public static class DocsPage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Reintegration API</title>
          <link rel="stylesheet" href="docs/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="docs/swagger-ui-bundle.js"></script>
          <script src="docs/docs.js"></script>
        </body>
        </html>
        """;

    // No validator badge: Swagger UI would send the document's address to validator.swagger.io.
    private const string Initialiser = """
        window.addEventListener("load", function () {
          window.ui = SwaggerUIBundle({ url: "openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });
        });
        """;

    private const string EmbeddedPrefix = "Swashbuckle.AspNetCore.SwaggerUI.node_modules.swagger_ui_dist.";

    private static readonly (byte[] Body, string ETag) PageBytes = Hashed(Encoding.UTF8.GetBytes(Html));

    private static readonly Dictionary<string, (byte[] Body, string ContentType, string ETag)> Files = new(StringComparer.Ordinal)
    {
        ["swagger-ui-bundle.js"] = Embedded("swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
        ["swagger-ui.css"] = Embedded("swagger-ui.css", "text/css; charset=utf-8"),
        ["docs.js"] = Text(Initialiser, "text/javascript; charset=utf-8"),
    };

    public static IActionResult Page(HttpRequest request) =>
        StaticAnswer.Of(request, PageBytes.Body, "text/html; charset=utf-8", PageBytes.ETag, SecurityHeaders.DocsPagePolicy);

    public static IActionResult File(HttpRequest request, string name) =>
        Files.TryGetValue(name, out var file)
            ? StaticAnswer.Of(request, file.Body, file.ContentType, file.ETag)
            : ProblemMapping.UnknownRoute(request).ToResponse();

    private static (byte[], string, string) Embedded(string name, string contentType)
    {
        var assembly = typeof(Swashbuckle.AspNetCore.SwaggerUI.SwaggerUIOptions).Assembly;
        using var stream = assembly.GetManifestResourceStream(EmbeddedPrefix + name)
            ?? throw new InvalidOperationException($"Swagger UI's {name} is not embedded in {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var (body, etag) = Hashed(copy.ToArray());
        return (body, contentType, etag);
    }

    private static (byte[], string, string) Text(string text, string contentType)
    {
        var (body, etag) = Hashed(Encoding.UTF8.GetBytes(text));
        return (body, contentType, etag);
    }

    private static (byte[] Body, string ETag) Hashed(byte[] body) => (body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"");
}
