using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Gate;

/// <summary>
/// Changes the app makes by itself (scheduling checkpoints, raising alerts, marking notifications sent, retention):
/// read, change, write conditionally, and on a lost race again on the fresh version. No person, so no access record;
/// the timeline names the app as the actor where the change is one a person would want to see.
/// </summary>
public sealed class SystemCaseChanges(ICaseStore cases)
{
    private const int MaxAttempts = 100;

    public Task<Versioned<Case>?> FindAsync(CaseId caseId, CancellationToken cancellationToken) => cases.FindAsync(caseId, cancellationToken);

    public Task<(Versioned<Case> Case, T Result)> ChangeAsync<T>(CaseId caseId, Func<Case, T> change, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, change, _ => true, cancellationToken);

    /// <summary>
    /// Bookkeeping nobody decides on (marking notices sent), written only when it did something: the version a person
    /// read before it stays current for their next change (<see cref="Case.StillCurrent"/>).
    /// </summary>
    public Task<(Versioned<Case> Case, bool Changed)> KeepBooksAsync(CaseId caseId, Func<Case, bool> change,
        CancellationToken cancellationToken) =>
        WriteAsync(caseId, change, changed => changed, bookkeeping: true, cancellationToken);

    /// <summary>
    /// As <see cref="ChangeAsync{T}(CaseId, Func{Case, T}, CancellationToken)"/>, but writes only when
    /// <paramref name="changed"/> says the change did something: a repeated job leaves the case, and its ETag, alone.
    /// </summary>
    public Task<(Versioned<Case> Case, T Result)> ChangeAsync<T>(CaseId caseId, Func<Case, T> change, Func<T, bool> changed,
        CancellationToken cancellationToken) =>
        WriteAsync(caseId, change, changed, bookkeeping: false, cancellationToken);

    private async Task<(Versioned<Case> Case, T Result)> WriteAsync<T>(CaseId caseId, Func<Case, T> change, Func<T, bool> changed,
        bool bookkeeping, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await cases.FindAsync(caseId, cancellationToken) ?? throw new NotFoundException($"Case {caseId}");
            var result = change(current.Value);
            if (!changed(result))
            {
                return (current, result);
            }
            if (bookkeeping)
            {
                current.Value.KeepCurrent(current.ETag);
            }
            else
            {
                current.Value.ForgetEarlierVersions();
            }
            try
            {
                return (await cases.ReplaceAsync(current.Value, current.ETag, cancellationToken), result);
            }
            catch (StaleVersionException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
            }
        }
    }
}
