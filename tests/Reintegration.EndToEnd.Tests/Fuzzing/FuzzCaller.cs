namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>Who sends a request: the four roles with their demo organisations, no one, or a token that should not pass.</summary>
internal enum FuzzCaller
{
    Anonymous,
    Caseworker,
    Coordinator,
    Partner,
    Dpo,
    UnknownOrganisation,
    GarbageToken,
    OtherScheme,
}

/// <summary>The Authorization header of each caller in this run.</summary>
internal sealed class FuzzCallers(Reintegration.Testing.LocalHostFixture host)
{
    private readonly Dictionary<FuzzCaller, string?> _headers = new()
    {
        [FuzzCaller.Anonymous] = null,
        [FuzzCaller.Caseworker] = "Bearer " + host.Token("caseworker", "org-ref-demo"),
        [FuzzCaller.Coordinator] = "Bearer " + host.Token("coordinator", "org-coordination"),
        [FuzzCaller.Partner] = "Bearer " + host.Token("partner", "partner-gh-1"),
        [FuzzCaller.Dpo] = "Bearer " + host.Token("dpo", "org-coordination"),
        [FuzzCaller.UnknownOrganisation] = "Bearer " + host.Token("caseworker", "org-unknown"),
        [FuzzCaller.GarbageToken] = "Bearer not.a.token",
        [FuzzCaller.OtherScheme] = "Basic dXNlcjpwYXNz",
    };

    public string? Authorization(FuzzCaller caller) => _headers[caller];
}
