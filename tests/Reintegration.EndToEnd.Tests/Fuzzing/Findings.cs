using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>
/// What broke, by class (what went wrong, route, status, problem type), with a count and the first request of each class,
/// so one run shows the whole list at once. Optionally every occurrence goes to a JSON-lines file for analysis.
/// </summary>
internal sealed class Findings(string? logPath) : IDisposable
{
    private readonly ConcurrentDictionary<string, Finding> _classes = new(StringComparer.Ordinal);
    private readonly StreamWriter? _log = logPath is null ? null : new StreamWriter(logPath, append: false) { AutoFlush = true };
    private readonly Lock _logGate = new();

    public bool Any => !_classes.IsEmpty;

    public int Count => _classes.Count;

    public void Add(string kind, FuzzRequest request, int status, string problemType, string response, IReadOnlyList<string> serverErrors)
    {
        var key = $"{kind} | {request.Route.Method} {request.Route.Template} | {(status == 0 ? "no answer" : status.ToString())} | {problemType}";
        var finding = _classes.GetOrAdd(key, _ => new Finding(request, Short(response), serverErrors));
        finding.Seen(serverErrors);
        if (_log is null) return;
        var line = JsonSerializer.Serialize(new
        {
            kind, method = request.Route.Method, template = request.Route.Template, status, problemType, url = request.Url,
            values = request.Values, caller = request.Caller.ToString(), ifMatch = request.IfMatch.ToString(), ifNoneMatch = request.IfNoneMatch.ToString(),
            idempotencyKey = request.IdempotencyKey, contentType = request.Body.ContentType, body = request.Body.Bytes is null ? null : Short(Encoding.UTF8.GetString(request.Body.Bytes)),
            response = Short(response), serverErrors, seed = request.Seed,
        });
        lock (_logGate)
        {
            _log.WriteLine(line);
        }
    }

    public string Report()
    {
        var text = new StringBuilder();
        foreach (var (key, finding) in _classes.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"[{finding.Count}x] {key}");
            if (!finding.ServerErrors.IsEmpty) text.AppendLine($"  server log: {string.Join("; ", finding.ServerErrors.Keys.Take(5))}");
            text.AppendLine("  first request: " + finding.First.ToString().Replace("\n", "\n  ", StringComparison.Ordinal));
            text.AppendLine("  answer: " + finding.FirstResponse);
        }
        return text.ToString();
    }

    public void Dispose() => _log?.Dispose();

    private static string Short(string text) => text.Length > 500 ? text[..500] + "..." : text;

    private sealed class Finding(FuzzRequest first, string firstResponse, IReadOnlyList<string> serverErrors)
    {
        private int _count;

        public FuzzRequest First => first;
        public string FirstResponse => firstResponse;
        public int Count => _count;
        public ConcurrentDictionary<string, bool> ServerErrors { get; } = new(serverErrors.Select(e => KeyValuePair.Create(e, true)));

        public void Seen(IReadOnlyList<string> errors)
        {
            Interlocked.Increment(ref _count);
            foreach (var error in errors) ServerErrors.TryAdd(error, true);
        }
    }
}
