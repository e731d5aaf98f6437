using Reintegration.Core.Gate;
using Reintegration.Api.Contract;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Azure.Imports;
using Reintegration.Core;
using Reintegration.Core.Ids;
using Reintegration.Core.Imports;

namespace Reintegration.Functions;

/// <summary>Imports of carried-over cases: the file in, its progress out, and the queue that works through it.</summary>
public sealed class ImportsFunctions(HttpEndpoint endpoint, CaseImports imports, ILogger<ImportsFunctions> logger)
{
    /// <summary>The file's media types: JSON lines, one case per line.</summary>
    public static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl"];

    [Function("StartImport")]
    [ApiOperation("Imports carried-over cases from a file of JSON lines, one case per line; the work goes on after the answer.",
        Permission = nameof(CasePermissions.Import), BodyMediaType = "application/x-ndjson, application/jsonl", BodyLine = typeof(ImportRow),
        Response = typeof(ImportView), Answer = Answer.Accepted)]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "imports")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var mediaType = request.ContentType?.Split(';')[0].Trim();
            if (mediaType is null || !MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                // Asked first: a caller who may not import hears 403 whatever it sent.
                CaseImports.EnsureMayImport(caller);
                throw new UnsupportedMediaTypeException($"Send the file as {MediaTypes[0]}: one case per line (JSON lines).");
            }
            var job = await imports.StartAsync(caller, request.Body, cancellationToken);
            return new JsonResponse(StatusCodes.Status202Accepted, ImportView.From(job.Value))
                .WithHeader("Location", ImportView.Location(job.Value))
                .WithHeader("ETag", job.ETag);
        });

    [Function("GetImport")]
    [ApiOperation("An import's progress and the rows it refused, by row, field and rule.", Permission = nameof(CasePermissions.Import),
        Response = typeof(ImportView), Answer = Answer.Versioned)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "imports/{importId}")] HttpRequest request,
        string importId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Versioned(request, await imports.GetAsync(caller, RouteIds.Import(importId), cancellationToken), ImportView.From));

    [Function("RunImportBatch")]
    public async Task RunBatch(
        [QueueTrigger(IImportQueue.Name, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        var work = JsonSerializer.Deserialize<ImportWork>(message, ProgrammeJson.Options);
        var importId = work is not null && ImportId.TryFrom(work.ImportId) is { IsSuccess: true } parsed
            ? parsed.ValueObject
            : throw new FormatException("The queue message does not name an import.");
        var more = await imports.RunBatchAsync(importId, cancellationToken);
        logger.LogInformation("Import {ImportId}: batch done, {Outcome}", importId.Value, more ? "more to do" : "no more batches");
    }
}
