using Microsoft.Extensions.Options;
using Reintegration.Core.Access;
using Reintegration.Core.AccessLog;
using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.DataProtection;

/// <summary>
/// Everything held about the person of a case, as one machine-readable document (GDPR art. 15 and 20): the case with
/// its plan, ledger, checkpoints, reports, consent history and timeline; its documents with short-lived download links;
/// and the access log of the case. Only the data protection officer exports, and the export is recorded like any read.
/// </summary>
public sealed class SubjectAccess(
    CaseGate gate,
    IDocumentStore documents,
    IDocumentFiles files,
    IAccessLog accessLog,
    IOptions<DocumentOptions> options,
    ProgrammeClock clock)
{
    /// <summary>Enough for years of a busy case; the export says when the log was cut.</summary>
    public const int MaxAccessRecords = 10_000;

    public async Task<SubjectAccessExport> ExportAsync(Caller caller, CaseId caseId, CancellationToken cancellationToken)
    {
        var found = await gate.ReadAsync(caller, caseId, CasePermissions.Export, cancellationToken);
        var expiresAt = clock.Now + options.Value.ReadUrlLifetime;
        var held = new List<ExportedDocument>();
        foreach (var document in await documents.ListAsync(caseId.Value, cancellationToken))
        {
            var url = document is { Status: DocumentStatus.Accepted, AcceptedBlobName: { } accepted }
                ? await files.ReadUrlAsync(accepted, document.ContentType, DownloadNames.For(document), expiresAt, cancellationToken)
                : null;
            held.Add(new ExportedDocument(document, url, url is null ? null : expiresAt));
        }
        var (records, complete) = await WholeAccessLogAsync(caseId, cancellationToken);
        return new SubjectAccessExport(clock.Now, caller.UserId, found.Value, held, records, complete);
    }

    private async Task<(List<AccessRecord> Records, bool Complete)> WholeAccessLogAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        var records = new List<AccessRecord>();
        string? token = null;
        do
        {
            var page = await accessLog.OfCaseAsync(caseId.Value, new PageRequest(PageRequest.MaxSize, token), cancellationToken);
            records.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null && records.Count < MaxAccessRecords);
        return (records, token is null);
    }
}

/// <param name="AccessLogComplete">False when the case's access log was longer than <see cref="SubjectAccess.MaxAccessRecords"/>.</param>
public sealed record SubjectAccessExport(
    DateTimeOffset ExportedAt,
    string ExportedBy,
    Case Case,
    IReadOnlyList<ExportedDocument> Documents,
    IReadOnlyList<AccessRecord> AccessLog,
    bool AccessLogComplete);

public sealed record ExportedDocument(CaseDocument Document, Uri? DownloadUrl, DateTimeOffset? DownloadUrlExpiresAt);
