namespace Reintegration.Azure.Cosmos;

/// <summary>The containers and their partition keys (see docs/decisions/0002-cosmos-partitioning.md).</summary>
public static class Containers
{
    /// <summary>One document per case, partitioned by its id: point reads, single-document atomic changes.</summary>
    public const string Cases = "cases";

    /// <summary>Countries, organisations and phases, partitioned by kind: small, read whole.</summary>
    public const string Reference = "reference";

    /// <summary>Idempotency-Key records, partitioned by id, expiring after a week.</summary>
    public const string Idempotency = "idempotency";

    /// <summary>Descriptions of case documents, partitioned by case: a case's documents are one partition.</summary>
    public const string Documents = "documents";

    /// <summary>The access log: append-only records partitioned by case, so a case's log is one partition.</summary>
    public const string AccessLog = "access-log";

    /// <summary>The report figures: one document per case and the job's state, partitioned by kind (docs/reports.md).</summary>
    public const string ReportFigures = "report-figures";
    /// <summary>Imports of carried-over cases and their progress, partitioned by id.</summary>
    public const string Imports = "imports";
    /// <summary>Each organisation's notification inbox, partitioned by organisation: an inbox is one partition.</summary>
    public const string Notifications = "notifications";

    public static readonly IReadOnlyList<(string Name, string PartitionKeyPath, int? DefaultTtlSeconds)> All =
    [
        (Cases, "/id", null),
        (Reference, "/kind", null),
        (Idempotency, "/id", -1),
        (Documents, "/caseId", null),
        (AccessLog, "/caseId", null),
        (ReportFigures, "/kind", null),
        (Imports, "/id", null),
        (Notifications, "/organisationId", null),
    ];
}
