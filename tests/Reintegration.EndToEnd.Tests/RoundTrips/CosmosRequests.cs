using System.Collections.Concurrent;
using System.Diagnostics;

namespace Reintegration.EndToEnd.Tests.RoundTrips;

/// <summary>
/// The Cosmos DB requests the app's client sends (gateway mode, HTTP), seen through .NET's HTTP diagnostics so the client
/// stays as the app registers it, each with the trace id of the HTTP request it was sent for. A test sends its request
/// with a trace id of its own (traceparent), so the requests of tests running at the same time are told apart.
/// </summary>
internal sealed class CosmosRequests : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<CosmosRequest> _seen = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public CosmosRequests() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>What was sent for the HTTP request of this trace.</summary>
    public IReadOnlyList<CosmosRequest> Of(ActivityTraceId trace) => _seen.Where(r => r.Trace == trace).ToList();

    public void OnNext(DiagnosticListener listener)
    {
        // Listening to the host's requests makes ASP.NET Core start an activity for each, from the request's traceparent.
        if (listener.Name == "Microsoft.AspNetCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name.StartsWith("Microsoft.AspNetCore.Hosting.HttpRequestIn", StringComparison.Ordinal)));
            }
        }
        if (listener.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name.StartsWith("System.Net.Http.HttpRequestOut", StringComparison.Ordinal)));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "System.Net.Http.HttpRequestOut.Start"
            && value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage request
            && Activity.Current is { } activity && CosmosRequest.From(request, activity.TraceId) is { } seen)
        {
            _seen.Enqueue(seen);
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

/// <param name="Kind">read (a point read), query, create, replace, or other.</param>
internal sealed record CosmosRequest(ActivityTraceId Trace, string Container, string Kind)
{
    public override string ToString() => $"{Kind} {Container}";

    public static CosmosRequest? From(HttpRequestMessage request, ActivityTraceId trace)
    {
        // /dbs/{database}/colls/{container}/docs[/{id}]
        var segments = request.RequestUri?.AbsolutePath.Trim('/').Split('/') ?? [];
        if (segments is not ["dbs", _, "colls", var container, "docs", ..])
        {
            return null;
        }
        var isQuery = request.Headers.TryGetValues("x-ms-documentdb-isquery", out var values)
            && values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        var kind = (isQuery, request.Method.Method, segments.Length) switch
        {
            (true, _, _) => "query",
            (false, "GET", 6) => "read",
            (false, "POST", 5) => "create",
            (false, "PUT", 6) => "replace",
            _ => "other",
        };
        return new CosmosRequest(trace, Uri.UnescapeDataString(container), kind);
    }
}
