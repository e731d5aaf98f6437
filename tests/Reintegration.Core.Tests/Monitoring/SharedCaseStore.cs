using System.Text.Json;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Tests.Monitoring;

/// <summary>
/// Cases as JSON with versions, safe for many callers at once, for the deadline job's parallel run. Every read waits at
/// <see cref="BeforeRead"/>, so a test can hold reads until as many are in flight as it expects.
/// </summary>
internal sealed class SharedCaseStore : ICaseStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Json, int Version)> _cases = [];
    private int _inFlight;
    private int _writes;

    public Func<int, Task> BeforeRead { get; set; } = _ => Task.CompletedTask;

    /// <summary>The most reads and writes that were in flight at the same moment.</summary>
    public int MostInFlight { get; private set; }

    public int Writes => Volatile.Read(ref _writes);

    public void Add(Case @case)
    {
        lock (_lock)
        {
            _cases[@case.Id] = (JsonSerializer.Serialize(@case, ProgrammeJson.Options), 1);
        }
    }

    public async Task<Versioned<Case>?> FindAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        var inFlight = Enter();
        try
        {
            await BeforeRead(inFlight);
            lock (_lock)
            {
                return _cases.TryGetValue(caseId.Value, out var stored)
                    ? new Versioned<Case>(JsonSerializer.Deserialize<Case>(stored.Json, ProgrammeJson.Options)!, $"\"{stored.Version}\"")
                    : null;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async Task<Versioned<Case>> ReplaceAsync(Case @case, string ifMatch, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            await Task.Yield();
            lock (_lock)
            {
                var stored = _cases[@case.Id];
                if ($"\"{stored.Version}\"" != ifMatch)
                {
                    throw new StaleVersionException($"\"{stored.Version}\"");
                }
                _cases[@case.Id] = (JsonSerializer.Serialize(@case, ProgrammeJson.Options), stored.Version + 1);
                Interlocked.Increment(ref _writes);
                return new Versioned<Case>(@case, $"\"{stored.Version + 1}\"");
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>As the Cosmos query: monitored cases with a checkpoint due by the day, or with undelivered notifications.</summary>
    public async IAsyncEnumerable<Case> NeedingMonitoringAttentionAsync(DateOnly dueBy,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Case> due;
        lock (_lock)
        {
            due = _cases.Values.Select(v => JsonSerializer.Deserialize<Case>(v.Json, ProgrammeJson.Options)!)
                .Where(c => (c.Status == CaseStatus.Monitoring && c.NextDueOn <= dueBy) || c.HasPendingNotifications)
                .ToList();
        }
        foreach (var @case in due)
        {
            await Task.Yield();
            yield return @case;
        }
    }

    private int Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        lock (_lock)
        {
            MostInFlight = Math.Max(MostInFlight, now);
        }
        return now;
    }

    public Task<Versioned<Case>?> TryCreateAsync(Case @case, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Page<Versioned<Case>>> ListAsync(CaseScope scope, CaseFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Case>> WaitingAsync(CaseScope scope, WaitingFor waitingFor, int max, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<Case> DueForRetentionAsync(DateOnly personalDataEndedBy, DateOnly financialRecordsEndedBy,
        CancellationToken cancellationToken) => throw new NotSupportedException();
}
