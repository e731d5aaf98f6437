using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reintegration.Core.Cases;
using Reintegration.Core.Ids;
using Reintegration.Core.Time;

namespace Reintegration.Core.Retention;

/// <summary>
/// The retention job: anonymises cases whose personal data period has passed, deletes the financial files once the
/// funder's audit period has passed, and finishes erasures that stopped half-way. It reads only the cases due, through
/// indexed fields, so its cost follows them and not the number of cases kept.
/// </summary>
public sealed class RetentionJob(
    ICaseStore cases,
    CaseErasure erasure,
    IOptions<RetentionOptions> options,
    ProgrammeClock clock,
    ILogger<RetentionJob> logger)
{
    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken)
    {
        var run = new RetentionRun();
        await foreach (var due in DueAsync(cancellationToken))
        {
            run.CasesRead++;
            try
            {
                var done = await erasure.EraseAsync(CaseId.From(due.CaseId), due.Erasure, cancellationToken);
                run.CasesAnonymised += due.Action == RetentionAction.Anonymise && done.Completed ? 1 : 0;
                run.FinancialFilesDeleted += due.Action == RetentionAction.DeleteFinancialFiles && done.Completed ? 1 : 0;
                run.ErasuresFinished += due.Action == RetentionAction.FinishErasure && done.Completed ? 1 : 0;
                run.FilesErased += done.FilesErased;
                run.FilesLocked += done.FilesLocked;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The case stays marked or due: the next run takes it up again. One case does not stop the others.
                run.Failures++;
                logger.LogWarning("Retention of case {CaseId} stopped ({ExceptionType}); the next run finishes it", due.CaseId, e.GetType().Name);
            }
        }
        return run;
    }

    /// <summary>What the next run would do, the longest due first, at most <paramref name="max"/> cases (and whether there are more).</summary>
    public async Task<(IReadOnlyList<DueErasure> Items, bool More)> PreviewAsync(int max, CancellationToken cancellationToken)
    {
        var items = new List<DueErasure>();
        await foreach (var due in DueAsync(cancellationToken))
        {
            if (items.Count == max)
            {
                return (items, true);
            }
            items.Add(due);
        }
        return (items, false);
    }

    private async IAsyncEnumerable<DueErasure> DueAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var periods = options.Value;
        var financialEndedBy = periods.FinancialRecordsEndedBy(today);
        await foreach (var @case in cases.DueForRetentionAsync(periods.PersonalDataEndedBy(today), financialEndedBy, cancellationToken))
        {
            var endedOn = @case.EndedOn ?? today;
            var auditPassed = endedOn <= financialEndedBy;
            if (@case.PendingErasure is { } pending)
            {
                yield return new DueErasure(@case.Id, RetentionAction.FinishErasure, DateOnly.FromDateTime(pending.StartedAt.UtcDateTime), pending);
                continue;
            }
            var scope = auditPassed ? ErasureScope.Everything : ErasureScope.PersonalData;
            var action = @case.RetentionStage == RetentionStage.PersonalData ? RetentionAction.Anonymise : RetentionAction.DeleteFinancialFiles;
            var dueOn = action == RetentionAction.Anonymise ? periods.PersonalDataDueOn(endedOn) : periods.FinancialRecordsDueOn(endedOn);
            yield return new DueErasure(@case.Id, action, dueOn,
                new PendingErasure(scope, ErasureReason.Retention, ErasureActor.System, null, clock.Now));
        }
    }
}

public enum RetentionAction
{
    /// <summary>Anonymise the case and delete its files except those kept for the funder's audit.</summary>
    Anonymise,
    /// <summary>Delete the files kept for the funder's audit.</summary>
    DeleteFinancialFiles,
    /// <summary>Finish an erasure that stopped half-way.</summary>
    FinishErasure,
}

/// <summary>One case the job will take up: what it will do and since when it is due.</summary>
public sealed record DueErasure(string CaseId, RetentionAction Action, DateOnly DueOn, PendingErasure Erasure);

/// <summary>What one run did: counts only, never who (logged).</summary>
public sealed class RetentionRun
{
    public int CasesRead { get; set; }
    public int CasesAnonymised { get; set; }
    public int FinancialFilesDeleted { get; set; }
    public int ErasuresFinished { get; set; }
    public int FilesErased { get; set; }
    /// <summary>Files still under storage's retention lock: their cases are anonymised, and a later run deletes them.</summary>
    public int FilesLocked { get; set; }
    public int Failures { get; set; }
}
