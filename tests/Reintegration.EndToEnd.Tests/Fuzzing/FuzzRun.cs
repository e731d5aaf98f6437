using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Sends generated requests, several at a time, and checks each answer: never 5xx; every 4xx a problem+json with a
/// type; and a rejected change leaves its target as it was (same status and ETag, as a coordinator reads it). Requests
/// on one target run one after another, so nothing else changes the target between the two reads.
/// </summary>
internal sealed class FuzzRun(LocalHostFixture host, FuzzGround ground, Findings findings, ServerErrors serverErrors) : IDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client = CreateClient(host);
    private readonly FuzzCallers _callers = new(host);
    private readonly string _coordinator = "Bearer " + host.Token("coordinator", "org-coordination");
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _targets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);

    /// <summary>How many answers of each status class, e.g. "2xx 812, 4xx 2101": the found paths must be reached too.</summary>
    private readonly ConcurrentDictionary<FuzzRoute, int> _succeeded = new();

    /// <summary>Routes no generated request got through (2xx or 304) in this run; informational, as it depends on the draw.</summary>
    public IEnumerable<FuzzRoute> NeverSucceeded(IEnumerable<FuzzRoute> routes) => routes.Where(r => !_succeeded.ContainsKey(r));

    public string Answers => string.Join(", ", _answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value}"));

    public async Task SendAllAsync(IEnumerable<FuzzRequest> requests, int parallelism, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (request, _) => await SendAsync(request));

    public void Dispose() => _client.Dispose();

    private async Task SendAsync(FuzzRequest request)
    {
        var target = request.Target;
        var gate = target is null ? null : _targets.GetOrAdd(target, _ => new SemaphoreSlim(1, 1));
        if (gate is not null) await gate.WaitAsync();
        try
        {
            var needsETag = request.IfMatch.Current || request.IfNoneMatch.Current;
            var before = target is not null && (request.Route.Changes || needsETag) ? await SnapshotAsync(request) : null;
            var traceId = ActivityTraceId.CreateRandom();
            using var message = request.ToMessage(_callers.Authorization(request.Caller), before?.ETag, request.TargetId is { } id && ground.IsOwned(id));
            message.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

            int status;
            string text;
            string? mediaType;
            try
            {
                using var response = await _client.SendAsync(message);
                status = (int)response.StatusCode;
                text = await response.Content.ReadAsStringAsync();
                mediaType = response.Content.Headers.ContentType?.MediaType;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                findings.Add("no answer", request, 0, e.GetType().Name, e.Message, serverErrors.For(traceId));
                return;
            }

            _answers.AddOrUpdate($"{status / 100}xx", 1, (_, count) => count + 1);
            if (status is (>= 200 and < 300) or 304) _succeeded.AddOrUpdate(request.Route, 1, (_, count) => count + 1);
            var problemType = ProblemType(text);
            // A 503 dependency-unavailable says a stand-in did not answer in time on a loaded machine (the health check's
            // report, or the database throttling or timing out): the request failed cleanly, nothing is broken.
            if (status >= 500 && !(status == 503 && problemType == "urn:reintegration:problem:dependency-unavailable"))
            {
                findings.Add("server error", request, status, problemType ?? "(no problem type)", text, serverErrors.For(traceId));
            }
            else if (status >= 400 && (mediaType != "application/problem+json" || problemType is null))
            {
                findings.Add("4xx without a problem type", request, status, mediaType ?? "(no content type)", text, serverErrors.For(traceId));
            }

            if (status is >= 400 and < 500 && request.Route.Changes && before is { Conclusive: true })
            {
                var after = await SnapshotAsync(request);
                if (after.Conclusive && after.State != before.State)
                {
                    findings.Add("rejected change changed its target", request, status, problemType ?? "(no problem type)",
                        $"{text}\n  target before: {before.State}\n  target after: {after.State}", serverErrors.For(traceId));
                }
            }
            else if (status is >= 200 and < 300 && request.Route.Changes && request.TargetIsCase && before is { Conclusive: true })
            {
                await SettledAsync(request);
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>The target as a coordinator reads it (and, for document routes, the case's document list).</summary>
    private async Task<Snapshot> SnapshotAsync(FuzzRequest request)
    {
        var (status, etag, text) = await ReadAsync(request.Target!);
        // A case's ETag also moves when the queue marks its notices sent, bookkeeping that leaves the version read
        // current (decision 0023): for a case, compare what its reader sees.
        var state = request.TargetIsCase ? $"{status} {(status < 400 ? text : ProblemType(text))}" : $"{status} {etag}";
        var conclusive = status < 500;
        if (request.TargetIsCase && request.Route.Template.Contains("/documents", StringComparison.Ordinal))
        {
            var (listStatus, _, list) = await ReadAsync(request.Target + "/documents");
            // A problem holds no state, and its traceId differs on every answer: compare its type only.
            state += $" documents: {listStatus} {(listStatus < 400 ? list : ProblemType(list))}";
            conclusive &= listStatus < 500;
        }
        return new Snapshot(state, etag, conclusive, status == 200 && request.TargetIsCase ? CaseStatus(text) : null);
    }

    /// <summary>After an arrival, a queue-triggered function starts monitoring: wait for it, so it is not taken for a change.</summary>
    private async Task SettledAsync(FuzzRequest request)
    {
        var deadline = DateTime.UtcNow + AnswerTimeout;
        while ((await SnapshotAsync(request)).CaseStatus == "Arrived" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private async Task<(int Status, string? ETag, string Text)> ReadAsync(string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        message.Headers.TryAddWithoutValidation("Authorization", _coordinator);
        try
        {
            using var response = await _client.SendAsync(message);
            return ((int)response.StatusCode, response.Headers.ETag?.Tag, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (599, null, e.GetType().Name);
        }
    }

    private static string? ProblemType(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String && type.GetString() is { Length: > 0 } value ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? CaseStatus(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HttpClient CreateClient(LocalHostFixture host)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 16 })
        {
            BaseAddress = host.BaseAddress,
            Timeout = AnswerTimeout,
        };
        return client;
    }

    private sealed record Snapshot(string State, string? ETag, bool Conclusive, string? CaseStatus);
}
