using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Reintegration.Benchmarks;

/// <summary>
/// Records the Cosmos DB operations the app's own client performs, from the SDK's distributed-tracing activities
/// (source "Azure.Cosmos.Operation": operation, container, request charge, items returned). It observes the real
/// client as registered; nothing in the app is changed. Attach it only around a probe run: while a listener is
/// attached the SDK creates an activity per operation, which is overhead the timed iterations should not carry.
/// </summary>
internal sealed class CosmosOperations : IDisposable
{
    public const string SourceName = "Azure.Cosmos.Operation";

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<CosmosOperation> _operations = new();

    /// <summary>
    /// Azure.Core (which the Cosmos SDK traces through) publishes to ActivitySource only with this switch on;
    /// set it before the first client is made. It changes nothing else.
    /// </summary>
    public static void Enable() => AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

    public CosmosOperations()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _operations.Enqueue(CosmosOperation.From(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<CosmosOperation> Operations => _operations.ToList();

    public void Dispose() => _listener.Dispose();
}

/// <param name="Name">The activity's name, e.g. "query_items cases" or "read_item cases".</param>
/// <param name="Operation">The operation tag (e.g. "query_items", "read_item", "replace_item").</param>
/// <param name="Container">The container tag.</param>
/// <param name="RequestCharge">What the server charged; the stand-in answers 1 for every request.</param>
/// <param name="ItemCount">Documents the server returned (for a query page: the page's documents).</param>
internal sealed record CosmosOperation(string Name, string? Operation, string? Container, double RequestCharge, int ItemCount,
    IReadOnlyDictionary<string, string?> Tags)
{
    public bool IsQuery => (Operation ?? Name).Contains("query", StringComparison.OrdinalIgnoreCase);

    public bool IsWrite => (Operation ?? Name) is var op
        && (op.Contains("replace", StringComparison.OrdinalIgnoreCase) || op.Contains("upsert", StringComparison.OrdinalIgnoreCase)
            || op.Contains("create", StringComparison.OrdinalIgnoreCase) || op.Contains("patch", StringComparison.OrdinalIgnoreCase));

    public bool IsPointRead => !IsQuery && (Operation ?? Name).Contains("read", StringComparison.OrdinalIgnoreCase);

    public static CosmosOperation From(Activity activity)
    {
        var tags = activity.TagObjects.ToDictionary(t => t.Key, t => Convert.ToString(t.Value, CultureInfo.InvariantCulture));
        return new CosmosOperation(
            activity.DisplayName,
            First(tags, "db.operation.name", "db.operation"),
            First(tags, "db.collection.name", "db.cosmosdb.container"),
            double.TryParse(First(tags, "db.cosmosdb.request_charge", "azure.cosmosdb.operation.request_charge"), NumberStyles.Float,
                CultureInfo.InvariantCulture, out var charge) ? charge : 0,
            int.TryParse(First(tags, "db.cosmosdb.item_count", "db.response.returned_rows", "azure.cosmosdb.row.count"), NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var items) ? items : 0,
            tags);
    }

    private static string? First(IReadOnlyDictionary<string, string?> tags, params string[] keys) =>
        keys.Select(k => tags.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
