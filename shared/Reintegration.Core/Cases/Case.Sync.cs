using System.Text.Json.Serialization;
using Reintegration.Core.Sync;

namespace Reintegration.Core.Cases;

/// <summary>Delta sync: which listing scopes a case has ever been in, so a client learns of a case that left its scope.</summary>
public sealed partial class Case
{
    private IReadOnlyList<string> formerScopes = [];

    /// <summary>
    /// Every scope the case was in at any write, the current ones included: each write adds what the case is in now
    /// (its referring organisation, its partner), so a transfer or a partner change needs no bookkeeping of its own.
    /// Ids of organisations only; indexed.
    /// </summary>
    [JsonInclude]
    public IReadOnlyList<string> ScopeHistory
    {
        get => formerScopes.Union(ScopeKeys.Of(this)).Order(StringComparer.Ordinal).ToList();
        private set => formerScopes = value;
    }
}
