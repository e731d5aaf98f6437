using Reintegration.Core.Errors;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Cases;

/// <summary>
/// For changes that do not depend on what the caller last saw (appending spending, a report, a
/// scheduled job's work): read, change, write conditionally, and on a lost race do it again on the
/// fresh version, where every guard runs again. Changes a person decides on take If-Match instead.
/// </summary>
public sealed class CaseWriter(ICaseStore cases)
{
    /// <summary>Enough for every contender of a busy case to get its turn.</summary>
    private const int MaxAttempts = 100;

    /// <param name="ensureAllowed">Access check, run on every fresh read (it throws NotFound for a missing case).</param>
    public async Task<(Versioned<Case> Case, T Result)> ChangeAsync<T>(string caseId, Action<Case?> ensureAllowed, Func<Case, T> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await cases.FindAsync(caseId, cancellationToken);
            ensureAllowed(current?.Value);
            var result = change(current!.Value);
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
