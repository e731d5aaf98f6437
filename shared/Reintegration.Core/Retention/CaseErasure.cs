using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Retention;

/// <summary>
/// Carries out an erasure, for the retention job and for the DPO alike, in an order that can stop anywhere and be
/// finished by running it again: (1) mark the case (one write); (2) delete the files that must go (deleting twice is
/// harmless); (3) neutralise the document descriptions (each its own write, skipped when done); (4) anonymise the case,
/// record it and clear the mark (one write). Until (4) the mark makes the retention job pick the case up again. A file
/// under storage's retention lock does not hold the person's data back: (4) anonymises, and the mark stays until the
/// file is gone.
/// </summary>
public sealed class CaseErasure(SystemCaseChanges system, IDocumentStore documents, IDocumentFiles files, ProgrammeClock clock)
{
    private const int MaxAttempts = 10;

    /// <summary>Erases what the scope covers; does nothing (and writes nothing) when that was done already.</summary>
    public async Task<ErasureRun> EraseAsync(CaseId caseId, PendingErasure requested, CancellationToken cancellationToken)
    {
        var found = await system.FindAsync(caseId, cancellationToken) ?? throw new NotFoundException($"Case {caseId}");
        var run = new ErasureRun { Case = found.Value };
        if (found.Value.Erased(requested.Scope))
        {
            return run;
        }
        var (_, erasure) = await system.ChangeAsync(caseId, c => c.BeginErasure(requested), cancellationToken);

        var marked = (await system.FindAsync(caseId, cancellationToken))!.Value;
        var caseDocuments = await documents.ListAsync(caseId.Value, cancellationToken);
        var financial = FinancialDocumentIds(marked, caseDocuments);
        var keptForAudit = false;
        foreach (var document in caseDocuments)
        {
            var erase = erasure.Scope == ErasureScope.Everything || !financial.Contains(document.Id);
            if (erase)
            {
                if (document.Status != DocumentStatus.Erased)
                {
                    try
                    {
                        await files.EraseAsync(document, cancellationToken);
                        run.FilesErased++;
                    }
                    catch (FileUnderRetentionLockException)
                    {
                        // The person's data does not wait for the lock: the case is anonymised below, the file goes later.
                        run.FilesLocked++;
                        erase = false;
                    }
                }
            }
            else if (document.Status != DocumentStatus.Erased)
            {
                keptForAudit = true;
            }
            if (await NeutraliseAsync(caseId.Value, document.Id, erase, cancellationToken))
            {
                run.DescriptionsChanged++;
            }
        }

        var (completed, _) = await system.ChangeAsync(caseId, c =>
        {
            c.CompleteErasure(clock.Now, keptForAudit, filesLocked: run.FilesLocked > 0);
            return true;
        }, cancellationToken);
        run.Case = completed.Value;
        run.Completed = run.FilesLocked == 0;
        return run;
    }

    /// <summary>Receipts, and the documents a spending or the cash contribution names as its proof: the funder's audit needs them.</summary>
    public static IReadOnlySet<string> FinancialDocumentIds(Case @case, IEnumerable<CaseDocument> caseDocuments) =>
        caseDocuments.Where(d => d.Type == DocumentType.Receipt).Select(d => d.Id)
            .Concat(@case.Spending.Select(s => s.ReceiptDocumentId).OfType<string>())
            .Concat(@case.CashContributionPaid is { } paid ? [paid.ProofDocumentId] : [])
            .ToHashSet();

    /// <summary>The description keeps type, size, hash and dates; the uploader's file name gives way to a neutral one.</summary>
    private async Task<bool> NeutraliseAsync(string caseId, string documentId, bool erased, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await documents.FindAsync(caseId, documentId, cancellationToken) is not { } current)
            {
                return false;
            }
            var neutral = current.Value with
            {
                FileName = NeutralFileName(current.Value),
                Status = erased ? DocumentStatus.Erased : current.Value.Status,
            };
            if (neutral == current.Value)
            {
                return false;
            }
            try
            {
                await documents.ReplaceAsync(neutral, current.ETag, cancellationToken);
                return true;
            }
            catch (StaleVersionException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    public static string NeutralFileName(CaseDocument document) => $"{document.Type.ToString().ToLowerInvariant()}-{document.Id}{document.ContentType switch
    {
        FileSignatures.Pdf => ".pdf",
        FileSignatures.Jpeg => ".jpg",
        FileSignatures.Png => ".png",
        _ => "",
    }}";
}

/// <summary>What one erasure did: counts only, for the log.</summary>
public sealed class ErasureRun
{
    /// <summary>The case as the erasure left it.</summary>
    public required Case Case { get; set; }
    public bool Completed { get; set; }
    public int FilesErased { get; set; }
    public int DescriptionsChanged { get; set; }
    /// <summary>Files storage still keeps under its retention lock: the erasure stays pending until they are gone.</summary>
    public int FilesLocked { get; set; }
}
