namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>
/// How long the fuzz run is, from the environment: FUZZ_REQUESTS (default 3000), FUZZ_SEED (a CsCheck seed: the run's
/// printed seed replays the run, a request's printed seed with FUZZ_REQUESTS=1 replays that request), FUZZ_PARALLELISM
/// (requests in flight, default 4) and FUZZ_LOG (a file to write every finding to, one JSON line each).
/// </summary>
internal sealed record FuzzSettings(int Requests, string? Seed, int Parallelism, string? LogPath)
{
    public const int DefaultRequests = 3000;

    public static FuzzSettings FromEnvironment() => new(
        Positive("FUZZ_REQUESTS") ?? DefaultRequests,
        Text("FUZZ_SEED"),
        Positive("FUZZ_PARALLELISM") ?? 4,
        Text("FUZZ_LOG"));

    private static string? Text(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;

    private static int? Positive(string name) => int.TryParse(Text(name), out var value) && value > 0 ? value : null;
}
