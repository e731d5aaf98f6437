using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Contract;

namespace Reintegration.Functions.Contract;

/// <summary>The API's OpenAPI document and a page that renders it (Swagger UI, served from this app: no CDN).</summary>
public sealed class OpenApiFunctions
{
    /// <summary>Built once: it changes only with the code.</summary>
    public static readonly byte[] Document = JsonSerializer.SerializeToUtf8Bytes(ApiDocument.Build(HttpFunctions.All), new JsonSerializerOptions { WriteIndented = true });

    private static readonly string DocumentETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Document))[..32] + "\"";

    [Function("GetOpenApiDocument")]
    [ApiOperation("The OpenAPI 3.1 document of this API.", Anonymous = true, Answer = Answer.Versioned)]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        StaticAnswer.Of(request, Document, "application/json", DocumentETag);

    [Function("GetApiDocs")]
    [ApiOperation("A page that renders the OpenAPI document.", Anonymous = true, Answer = Answer.Versioned, MediaType = "text/html")]
    public IActionResult Docs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request) =>
        DocsPage.Page(request);

    [Function("GetApiDocsFile")]
    [ApiOperation("A script or style sheet of the docs page.", Anonymous = true, Answer = Answer.Versioned, MediaType = "text/javascript, text/css")]
    public IActionResult DocsFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{file}")] HttpRequest request, string file) =>
        DocsPage.File(request, file);
}
