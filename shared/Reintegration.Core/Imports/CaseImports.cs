using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Imports;

/// <summary>
/// Imports of carried-over cases: a coordinator hands in a file; queue messages work through it a batch at a time.
/// Each batch resumes from the progress the last one saved, creates cases only if absent (their ids derive from the
/// external references), and saves its progress conditionally, so a crash, a redelivered message or two workers on
/// the same batch never create a case twice or count a row twice.
/// </summary>
public sealed class CaseImports(
    IImportStore imports,
    IImportFiles files,
    IImportQueue queue,
    IReferenceDataStore referenceData,
    ImportRowCheck check,
    CaseGate gate,
    IOptions<ImportOptions> options,
    ProgrammeClock clock)
{
    public async Task<Versioned<ImportJob>> StartAsync(Caller caller, Stream file, CancellationToken cancellationToken)
    {
        EnsureMayImport(caller);
        var id = ImportId.New();
        var length = await files.SaveAsync(id, file, options.Value.MaxFileBytes, cancellationToken);
        var job = await imports.CreateAsync(new ImportJob
        {
            Id = id.Value,
            Status = ImportStatus.Queued,
            CreatedAt = clock.Now,
            ImportedById = caller.UserId,
            ImportedByOrganisationId = caller.OrganisationId,
            FileBytes = length,
        }, cancellationToken);
        await queue.EnqueueAsync(id, cancellationToken);
        return job;
    }

    public async Task<Versioned<ImportJob>> GetAsync(Caller caller, ImportId importId, CancellationToken cancellationToken)
    {
        EnsureMayImport(caller);
        return await imports.FindAsync(importId, cancellationToken) ?? throw new NotFoundException($"Import {importId}");
    }

    /// <summary>Works through the next batch; answers whether another batch was queued.</summary>
    public async Task<bool> RunBatchAsync(ImportId importId, CancellationToken cancellationToken)
    {
        var found = await imports.FindAsync(importId, cancellationToken) ?? throw new NotFoundException($"Import {importId}");
        var job = found.Value;
        if (job.Status == ImportStatus.Completed)
        {
            // Redelivered after the last batch: only the file may be left to delete.
            await files.DeleteAsync(importId, cancellationToken);
            return false;
        }
        var importer = new Caller(job.ImportedById, Role.Coordinator, job.ImportedByOrganisationId) { CorrelationId = $"import/{job.Id}" };
        var reference = new ReferenceDataSet(await referenceData.CountriesAsync(cancellationToken),
            await referenceData.OrganisationsAsync(cancellationToken), await referenceData.PhasesAsync(cancellationToken));
        var monitoringMonths = reference.Phases.ToDictionary(p => p.Id, p => p.MonitoringMonths);

        var batch = new List<FileLine>();
        var endOfFile = true;
        await using (var stream = await files.OpenAsync(importId, job.BytesRead, cancellationToken))
        {
            await foreach (var line in JsonLines.ReadAsync(stream, job.RowsRead + 1, job.BytesRead, options.Value.MaxRowBytes, cancellationToken))
            {
                if (batch.Count == options.Value.BatchSize)
                {
                    endOfFile = false;
                    break;
                }
                batch.Add(line);
            }
        }

        var outcomes = new ConcurrentBag<RowOutcome>();
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (line, token) => outcomes.Add(await ImportRowAsync(line, job.Id, reference, monitoringMonths, importer, token)));

        var errors = outcomes.OrderBy(o => o.Row).SelectMany(o => o.Errors).ToList();
        var next = job with
        {
            Status = endOfFile ? ImportStatus.Completed : ImportStatus.Running,
            CompletedAt = endOfFile ? clock.Now : null,
            BytesRead = batch.Count > 0 ? batch[^1].EndsAt : job.BytesRead,
            RowsRead = batch.Count > 0 ? batch[^1].Number : job.RowsRead,
            Imported = job.Imported + outcomes.Count(o => o.Kind == RowKind.Imported),
            AlreadyImported = job.AlreadyImported + outcomes.Count(o => o.Kind == RowKind.AlreadyImported),
            RowsRefused = job.RowsRefused + outcomes.Count(o => o.Kind == RowKind.Refused),
            Errors = [.. job.Errors, .. errors.Take(Math.Max(0, options.Value.MaxRecordedErrors - job.Errors.Count))],
        };
        try
        {
            await imports.ReplaceAsync(next, found.ETag, cancellationToken);
        }
        catch (StaleVersionException)
        {
            // Another delivery of this message did the batch and moved on; its progress stands.
            return false;
        }
        if (endOfFile)
        {
            await files.DeleteAsync(importId, cancellationToken);
            return false;
        }
        await queue.EnqueueAsync(importId, cancellationToken);
        return true;
    }

    private async Task<RowOutcome> ImportRowAsync(FileLine line, string importId, ReferenceDataSet reference,
        IReadOnlyDictionary<string, IReadOnlyList<int>> monitoringMonths, Caller importer, CancellationToken cancellationToken)
    {
        if (line.TooLong)
        {
            return RowOutcome.Refused(new ImportRowError(line.Number, "", "row-length", $"A row of at most {options.Value.MaxRowBytes} bytes."));
        }
        if (line.Bytes!.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r'))
        {
            return new RowOutcome(line.Number, RowKind.Blank, []);
        }
        string raw;
        ImportRow row;
        try
        {
            raw = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(line.Bytes!);
            row = JsonSerializer.Deserialize<ImportRow>(raw, ProgrammeJson.RequestOptions)
                ?? throw new JsonException("A row is a JSON object.");
        }
        catch (DecoderFallbackException)
        {
            return RowOutcome.Refused(new ImportRowError(line.Number, "", "utf-8", "The row is not valid UTF-8."));
        }
        catch (JsonException e)
        {
            return RowOutcome.Refused(new ImportRowError(line.Number, FieldOf(e.Path), "json", JsonReason(e)));
        }

        var (imported, errors) = await check.CheckAsync(line.Number, row, raw, importId, reference, importer, cancellationToken);
        if (imported is null)
        {
            return new RowOutcome(line.Number, RowKind.Refused, errors);
        }
        var @case = Case.Import(imported, importer, clock.Now, monitoringMonths[imported.PhaseId]);
        var (stored, created) = await gate.ImportAsync(importer, @case, cancellationToken);
        if (created || stored.Value.ImportedFrom?.ImportId == importId)
        {
            // Created now, or by this import's batch before a crash: either way, this import brought it in.
            return new RowOutcome(line.Number, RowKind.Imported, []);
        }
        return stored.Value.ImportedFrom?.RowFingerprint == imported.Origin.RowFingerprint
            ? new RowOutcome(line.Number, RowKind.AlreadyImported, [])
            : RowOutcome.Refused(new ImportRowError(line.Number, "externalReference", "external-reference-unique",
                "A case with this external reference was imported already, from a different row; it was left as it is."));
    }

    public static void EnsureMayImport(Caller caller)
    {
        if (caller.Role != Role.Coordinator)
        {
            throw new ForbiddenException(CasePermissions.Import.RefusalForOthers);
        }
    }

    private static string FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "" : path.TrimStart('$').TrimStart('.');

    /// <summary>As the request reader says it, without quoting the row (it holds personal data).</summary>
    private static string JsonReason(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "This field is not part of a row."
        : e.Message.StartsWith("Duplicate property", StringComparison.Ordinal) ? "This field appears more than once."
        : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "The value has the wrong type or format."
        : $"The row is not a well-formed JSON object (byte {e.BytePositionInLine + 1}).";

    private enum RowKind { Imported, AlreadyImported, Refused, Blank }

    private sealed record RowOutcome(int Row, RowKind Kind, IReadOnlyList<ImportRowError> Errors)
    {
        public static RowOutcome Refused(ImportRowError error) => new(error.Row, RowKind.Refused, [error]);
    }
}
