using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Reintegration.Benchmarks;

/// <summary>
/// Records the requests the app's own Cosmos DB client sends (gateway mode, HTTP), with what the server answered:
/// documents returned (x-ms-item-count) and request charge (x-ms-request-charge). It listens to .NET's HTTP
/// diagnostics (HttpHandlerDiagnosticListener), so the client stays exactly as the app registers it. Attach it only
/// around a probe run, not during timed iterations.
/// </summary>
internal sealed class CosmosOperations : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string HttpListenerName = "HttpHandlerDiagnosticListener";
    private const string RequestStop = "System.Net.Http.HttpRequestOut.Stop";

    private readonly ConcurrentQueue<CosmosOperation> _operations = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public CosmosOperations() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public IReadOnlyList<CosmosOperation> Operations => _operations.ToList();

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == HttpListenerName)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name.StartsWith("System.Net.Http.HttpRequestOut", StringComparison.Ordinal)));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RequestStop || value.Value is not { } payload)
        {
            return;
        }
        var type = payload.GetType();
        if (type.GetProperty("Request")?.GetValue(payload) is HttpRequestMessage request
            && CosmosOperation.From(request, type.GetProperty("Response")?.GetValue(payload) as HttpResponseMessage,
                Activity.Current?.Duration ?? TimeSpan.Zero) is { } operation)
        {
            _operations.Enqueue(operation);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}

/// <param name="Kind">query, read, write or metadata.</param>
/// <param name="Container">The container the request is about, when it is about one.</param>
/// <param name="Status">The HTTP status answered (0 when there was no response).</param>
/// <param name="RequestCharge">What the server charged; the stand-in answers 1 for every request, so this is not real RU.</param>
/// <param name="ItemCount">Documents the server returned (for a query: that page's documents).</param>
/// <param name="ResponseBytes">The response body's length, when the server gave one.</param>
/// <param name="Duration">From sending the request to the response headers (the HTTP request activity's duration).</param>
internal sealed record CosmosOperation(string Kind, string? Container, int Status, double RequestCharge, int ItemCount, long ResponseBytes,
    TimeSpan Duration)
{
    public bool IsQuery => Kind == "query";

    public bool IsPointRead => Kind == "read";

    public bool IsWrite => Kind == "write";

    /// <summary>A Cosmos DB REST request (paths under /dbs), else null.</summary>
    public static CosmosOperation? From(HttpRequestMessage request, HttpResponseMessage? response, TimeSpan duration)
    {
        var segments = request.RequestUri?.AbsolutePath.Trim('/').Split('/') ?? [];
        if (segments is not ["dbs", ..])
        {
            return null;
        }
        var container = segments.Length >= 4 && segments[2] == "colls" ? segments[3] : null;
        var onDocuments = segments.Length >= 5 && segments[4] == "docs";
        var isQuery = request.Headers.TryGetValues("x-ms-documentdb-isquery", out var query)
            && query.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        var kind = (onDocuments, isQuery, request.Method.Method, segments.Length) switch
        {
            (true, true, _, _) => "query",
            (true, false, "GET", 6) => "read",
            (true, false, "POST" or "PUT" or "PATCH" or "DELETE", _) => "write",
            _ => "metadata",
        };
        return new CosmosOperation(kind, container, (int?)response?.StatusCode ?? 0,
            Header(response, "x-ms-request-charge") is { } charge && double.TryParse(charge, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : 0,
            Header(response, "x-ms-item-count") is { } count && int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0,
            response?.Content.Headers.ContentLength ?? 0,
            duration);
    }

    private static string? Header(HttpResponseMessage? response, string name) =>
        response is not null && response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
