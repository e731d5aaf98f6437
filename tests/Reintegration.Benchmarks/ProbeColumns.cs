using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Reintegration.Benchmarks;

/// <summary>Columns of the summary with what each benchmark case's probe run read and wrote (see <see cref="Probe"/>).</summary>
internal sealed class ProbeColumn(string name, string legend, Func<ProbeResult, string> value) : IColumn
{
    public static readonly IColumn[] All =
    [
        new ProbeColumn("CasesRead", "DeadlineRun.CasesRead of a probe run of the job", r => r.CasesRead.ToString()),
        new ProbeColumn("DocsReturned", "Documents the job's queries on the cases container returned (Cosmos SDK item count)", r => r.CaseQueryDocuments.ToString()),
        new ProbeColumn("QueryKB", "Size of those query responses", r => $"{r.CaseQueryBytes / 1024.0:0}"),
        new ProbeColumn("QueryTime", "Probe run, not the benchmark's mean: time of the job's query requests on the cases container (send to response headers)", r => $"{r.CaseQueryMilliseconds:0} ms"),
        new ProbeColumn("QueryPages", "Query requests on the cases container", r => r.CaseQueryPages.ToString()),
        new ProbeColumn("Writes", "Cosmos DB writes of the run", r => r.Writes.ToString()),
        new ProbeColumn("Requests", "Every Cosmos DB request of the run (reference data, point reads and writes included)", r => r.Requests.ToString()),
        new ProbeColumn("Enqueued", "Messages the run put on the Storage queues", r => r.Enqueued.ToString()),
        new ProbeColumn("Insert", "Setup, not timed: inserting every case through ICaseStore, 32 at a time", r => $"{r.InsertSeconds:0.0} s"),
    ];

    public string Id => $"{nameof(ProbeColumn)}.{name}";
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Cases"] is int cases && Probe.Read(benchmarkCase.Descriptor.WorkloadMethod.Name, cases) is { } result
            ? value(result)
            : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
