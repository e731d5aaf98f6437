using Reintegration.Core.Access;
using Reintegration.Core.AccessLog;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Gate;

/// <summary>
/// The one way to a case for people. It reads the case once, checks the caller against <see cref="CasePermissions"/>,
/// writes the access record (allowed or refused) before anything is answered, and, for changes, writes the case back
/// conditionally on the version read. Use cases get their case from here and never from the store.
/// </summary>
/// <remarks>
/// The record is written first and the answer waits for it: if the log cannot be written, the request fails and no
/// personal data leaves unrecorded (docs/decisions/0013-case-gate-and-access-log.md).
/// </remarks>
public sealed class CaseGate(ICaseStore cases, IAccessLog accessLog, ProgrammeClock clock)
{
    /// <summary>Enough for every contender of a busy case to get its turn.</summary>
    private const int MaxAttempts = 100;

    /// <summary>Reads the case for the operation, or refuses (404, 403, 409) after recording the refusal.</summary>
    public async Task<Versioned<Case>> ReadAsync(Caller caller, CaseId caseId, CaseOperation operation, CancellationToken cancellationToken,
        string? detail = null)
    {
        var found = await cases.FindAsync(caseId, cancellationToken);
        await AdmitAsync(caller, caseId, found?.Value, operation, detail, cancellationToken);
        return found!;
    }

    /// <summary>
    /// A change a person decided on after reading a version: refused without If-Match (428) or on a stale one (412).
    /// </summary>
    public async Task<Versioned<Case>> ChangeAsync(Caller caller, CaseId caseId, CaseOperation operation, string? ifMatch,
        Func<Case, Task> change, CancellationToken cancellationToken, string? detail = null)
    {
        var current = await ReadAsync(caller, caseId, operation, cancellationToken, detail);
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new PreconditionRequiredException();
        }
        for (var attempt = 1; ; attempt++)
        {
            if (ifMatch != current.ETag && !current.Value.StillCurrent(ifMatch))
            {
                throw new StaleVersionException(current.ETag);
            }
            await change(current.Value);
            current.Value.ForgetEarlierVersions();
            try
            {
                return await cases.ReplaceAsync(current.Value, current.ETag, cancellationToken);
            }
            catch (StaleVersionException) when (attempt < MaxAttempts)
            {
                // Lost to a write in between: if it was bookkeeping only, the caller's version is still current and the
                // change is made again on the fresh version; if a person changed the case, the check above refuses.
                current = await FreshAsync(caller, caseId, operation, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A change that does not depend on what the caller last saw (appending spending, a report): on a lost race it is
    /// done again on the fresh version, where access and every guard run again. Recorded once.
    /// </summary>
    public async Task<(Versioned<Case> Case, T Result)> AppendAsync<T>(Caller caller, CaseId caseId, CaseOperation operation,
        Func<Case, Task<T>> change, CancellationToken cancellationToken, string? detail = null)
    {
        var current = await ReadAsync(caller, caseId, operation, cancellationToken, detail);
        for (var attempt = 1; ; attempt++)
        {
            var result = await change(current.Value);
            current.Value.ForgetEarlierVersions();
            try
            {
                return (await cases.ReplaceAsync(current.Value, current.ETag, cancellationToken), result);
            }
            catch (StaleVersionException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
                current = await FreshAsync(caller, caseId, operation, cancellationToken);
            }
        }
    }

    /// <summary>The case read again after a lost race, where access is checked again (not recorded again).</summary>
    private async Task<Versioned<Case>> FreshAsync(Caller caller, CaseId caseId, CaseOperation operation, CancellationToken cancellationToken)
    {
        var fresh = await cases.FindAsync(caseId, cancellationToken);
        if (CasePermissions.Refusal(caller, fresh?.Value, caseId.Value, operation) is { } refusal)
        {
            throw refusal;
        }
        return fresh!;
    }

    /// <summary>Registers a new case; the referral is the first access to it.</summary>
    public async Task<Versioned<Case>> CreateAsync(Caller caller, Case @case, CancellationToken cancellationToken)
    {
        EnsureMayRefer(caller);
        await accessLog.AppendAsync([AccessRecord.Of(caller, @case.Id, CasePermissions.Refer.Name, null, true, clock.Now)], cancellationToken);
        return await cases.TryCreateAsync(@case, cancellationToken)
            ?? await cases.FindAsync(CaseId.From(@case.Id), cancellationToken)
            ?? throw new InvalidOperationException("A case that exists could not be read back.");
    }

    /// <summary>
    /// Creates an imported case unless one with its id exists (create-if-absent): answers the case and whether this call
    /// created it. Recorded as an import by the coordinator who started it.
    /// </summary>
    public async Task<(Versioned<Case> Case, bool Created)> ImportAsync(Caller caller, Case @case, CancellationToken cancellationToken)
    {
        if (!CasePermissions.Import.RoleMay(caller.Role))
        {
            throw new ForbiddenException(CasePermissions.Import.RefusalForOthers);
        }
        await accessLog.AppendAsync([AccessRecord.Of(caller, @case.Id, CasePermissions.Import.Name, null, true, clock.Now)], cancellationToken);
        if (await cases.TryCreateAsync(@case, cancellationToken) is { } created)
        {
            return (created, true);
        }
        return (await cases.FindAsync(CaseId.From(@case.Id), cancellationToken)
            ?? throw new InvalidOperationException("A case that exists could not be read back."), false);
    }

    /// <summary>
    /// The open cases in the caller's scope of the person with exactly these name words and date of birth (the duplicate
    /// check of a referral). Not recorded: the answer names a case, no personal data; opening it is recorded.
    /// </summary>
    public async Task<IReadOnlyList<Case>> OpenCasesOfPersonAsync(Caller caller, IReadOnlyList<string> words, DateOnly dateOfBirth,
        CancellationToken cancellationToken)
    {
        if (words.Count == 0)
        {
            return [];
        }
        var found = await cases.ListAsync(CasePermissions.ScopeOf(caller), new CaseFilter(null, null, words, dateOfBirth),
            new PageRequest(PageRequest.MaxSize, null), cancellationToken);
        return found.Items.Select(c => c.Value).Where(c => CaseWorkflow.IsOpen(c.Status) && c.SearchWords.SequenceEqual(words)).ToList();
    }

    /// <summary>
    /// For a referral's claim on its person, which names a case that may still be in flight: null while that case is
    /// not written, else whether it is open in the caller's scope. Not recorded: nothing of the case leaves.
    /// </summary>
    public async Task<bool?> OpenInScopeAsync(Caller caller, CaseId caseId, CancellationToken cancellationToken) =>
        await cases.FindAsync(caseId, cancellationToken) is { } found
            ? CaseWorkflow.IsOpen(found.Value.Status) && CasePermissions.Refusal(caller, found.Value, caseId.Value, CasePermissions.View) is null
            : null;

    /// <summary>Whether the caller may register referrals at all; asked before a referral is even read.</summary>
    public static void EnsureMayRefer(Caller caller)
    {
        if (!CasePermissions.Refer.RoleMay(caller.Role))
        {
            throw new ForbiddenException(CasePermissions.Refer.RefusalForOthers);
        }
    }

    /// <summary>A page of the cases in the caller's scope; each listed case is recorded.</summary>
    public async Task<Page<Versioned<Case>>> ListAsync(Caller caller, CaseFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var listed = await cases.ListAsync(CasePermissions.ScopeOf(caller), filter, page, cancellationToken);
        var now = clock.Now;
        await accessLog.AppendAsync(
            listed.Items.Select(c => AccessRecord.Of(caller, c.Value.Id, CasePermissions.List.Name, null, true, now)).ToList(),
            cancellationToken);
        return listed;
    }

    /// <summary>
    /// Cases in the caller's scope that wait for something (the task list). Not recorded per case: a task names the case
    /// and the work only, no personal data; opening the case is recorded.
    /// </summary>
    public Task<IReadOnlyList<Case>> WaitingAsync(Caller caller, WaitingFor waitingFor, int max, CancellationToken cancellationToken) =>
        cases.WaitingAsync(CasePermissions.ScopeOf(caller), waitingFor, max, cancellationToken);

    /// <summary>Records a further access within an admitted operation, such as a read URL handed out.</summary>
    public Task RecordAsync(Caller caller, CaseId caseId, string what, string? detail, CancellationToken cancellationToken) =>
        accessLog.AppendAsync([AccessRecord.Of(caller, caseId.Value, what, detail, true, clock.Now)], cancellationToken);

    private async Task AdmitAsync(Caller caller, CaseId caseId, Case? @case, CaseOperation operation, string? detail,
        CancellationToken cancellationToken)
    {
        var refusal = CasePermissions.Refusal(caller, @case, caseId.Value, operation);
        await accessLog.AppendAsync([AccessRecord.Of(caller, caseId.Value, operation.Name, detail, refusal is null, clock.Now)],
            cancellationToken);
        if (refusal is not null)
        {
            throw refusal;
        }
    }
}
