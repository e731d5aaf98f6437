using System.Text.Json;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Tests;

/// <summary>Cases kept as JSON (so a change is only stored by a write), with ETags, for unit tests of the gate.</summary>
internal sealed class InMemoryCaseStore : ICaseStore
{
    private readonly Dictionary<string, (string Json, int Version)> _cases = [];

    public int Reads { get; private set; }

    public Task<Versioned<Case>?> FindAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(_cases.TryGetValue(caseId.Value, out var stored)
            ? new Versioned<Case>(JsonSerializer.Deserialize<Case>(stored.Json, ProgrammeJson.Options)!, $"\"{stored.Version}\"")
            : null);
    }

    public Task<Versioned<Case>?> TryCreateAsync(Case @case, CancellationToken cancellationToken)
    {
        if (_cases.ContainsKey(@case.Id))
        {
            return Task.FromResult<Versioned<Case>?>(null);
        }
        _cases[@case.Id] = (JsonSerializer.Serialize(@case, ProgrammeJson.Options), 1);
        return Task.FromResult<Versioned<Case>?>(new Versioned<Case>(@case, "\"1\""));
    }

    public Task<Versioned<Case>> ReplaceAsync(Case @case, string ifMatch, CancellationToken cancellationToken)
    {
        var stored = _cases[@case.Id];
        if ($"\"{stored.Version}\"" != ifMatch)
        {
            throw new StaleVersionException($"\"{stored.Version}\"");
        }
        _cases[@case.Id] = (JsonSerializer.Serialize(@case, ProgrammeJson.Options), stored.Version + 1);
        return Task.FromResult(new Versioned<Case>(@case, $"\"{stored.Version + 1}\""));
    }

    public Task<Page<Versioned<Case>>> ListAsync(CaseScope scope, CaseFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Case>> WaitingAsync(CaseScope scope, WaitingFor waitingFor, int max, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<Case> NeedingMonitoringAttentionAsync(DateOnly dueBy, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>The cases the query reads, in the order it reads them; <see cref="Reads"/> counts each.</summary>
    public async IAsyncEnumerable<Case> DueForRetentionAsync(DateOnly personalDataEndedBy, DateOnly financialRecordsEndedBy,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var due = _cases.Values.Select(v => JsonSerializer.Deserialize<Case>(v.Json, ProgrammeJson.Options)!)
            .Where(c => c.RetentionStage == RetentionStage.PersonalData && c.EndedOn <= personalDataEndedBy
                || c.RetentionStage == RetentionStage.FinancialRecords && c.EndedOn <= financialRecordsEndedBy
                || c.ErasureInProgress)
            .OrderBy(c => c.EndedOn).ToList();
        foreach (var @case in due)
        {
            await Task.Yield();
            Reads++;
            yield return @case;
        }
    }

    /// <summary>Every stored case as JSON, to show a run changed nothing.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() => _cases.ToDictionary(c => c.Key, c => $"{c.Value.Version}:{c.Value.Json}");
}
