using Reintegration.Core.AccessLog;
using Reintegration.Core.Cases;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Tests;

/// <summary>The access log in a list, for unit tests; optionally failing, to show nothing leaves unrecorded.</summary>
internal sealed class InMemoryAccessLog : IAccessLog
{
    private readonly List<AccessRecord> _records = [];

    public bool Failing { get; set; }

    public IReadOnlyList<AccessRecord> Records { get { lock (_records) { return _records.ToList(); } } }

    public Task AppendAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new IOException("The access log is unreachable.");
        }
        lock (_records)
        {
            _records.AddRange(records);
        }
        return Task.CompletedTask;
    }

    public Task<Page<AccessRecord>> OfCaseAsync(string caseId, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<AccessRecord>(Records.Where(r => r.CaseId == caseId).OrderByDescending(r => r.OrderKey).Take(page.Size).ToList(), null));

    public Task<Page<AccessRecord>> SearchAsync(AccessLogFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
