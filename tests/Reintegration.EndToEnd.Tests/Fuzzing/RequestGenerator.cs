using CsCheck;

namespace Reintegration.EndToEnd.Tests.Fuzzing;

/// <summary>Generates requests for every HTTP function: a route, its route values, query, caller, headers and body.</summary>
internal sealed class RequestGenerator
{
    private readonly Gen<FuzzRequest> _requests;

    public RequestGenerator(IReadOnlyList<FuzzRoute> routes, FuzzGround ground)
    {
        var values = new PathValues(ground);
        var bodies = new BodyGenerator(new Vocabulary(ground));
        _requests = Gen.OneOf([.. routes.Select(route => (IGen<FuzzRequest>)For(route, values, bodies))]);
    }

    public FuzzRequest Generate(PCG pcg)
    {
        var seed = pcg.ToString(pcg.State);
        return _requests.Generate(pcg, null, out _) with { Seed = seed };
    }

    private static Gen<FuzzRequest> For(FuzzRoute route, PathValues values, BodyGenerator bodies)
    {
        var routeValues = Gens.All(route.Parameters.Select(p => values.For(p).Select(v => (Name: p, Value: v))))
            .Select(pairs => (IReadOnlyDictionary<string, string>)pairs.ToDictionary(p => p.Name, p => p.Value));
        var headers = Gen.Select(Callers, IfMatch, IfNoneMatch, IdempotencyKey);
        return Gen.Select(routeValues, Query(route), headers, bodies.For(route.RequestType), (path, query, h, body) =>
            new FuzzRequest(route, path, query, h.Item1, h.Item2, h.Item3, h.Item4, body));
    }

    private static readonly Gen<FuzzCaller> Callers = Gen.Frequency(
        (4, Gen.Const(FuzzCaller.Caseworker)),
        (4, Gen.Const(FuzzCaller.Coordinator)),
        (4, Gen.Const(FuzzCaller.Partner)),
        (2, Gen.Const(FuzzCaller.Dpo)),
        (2, Gen.Const(FuzzCaller.Anonymous)),
        (1, Gen.OneOf(FuzzCaller.UnknownOrganisation, FuzzCaller.GarbageToken, FuzzCaller.OtherScheme)));

    private static readonly Gen<ETagChoice> IfMatch = Gen.Frequency(
        (3, Gen.Const(ETagChoice.None)),
        (4, Gen.Const(ETagChoice.Right)),
        (2, Gen.OneOf(HostileInputs.ETags).Select(e => new ETagChoice(e))),
        (1, Gen.Const(new ETagChoice("*"))));

    private static readonly Gen<ETagChoice> IfNoneMatch = Gen.Frequency(
        (8, Gen.Const(ETagChoice.None)),
        (1, Gen.Const(ETagChoice.Right)),
        (1, Gen.OneOf(["*", .. HostileInputs.ETags]).Select(e => new ETagChoice(e))));

    private static readonly Gen<string?> IdempotencyKey = Gen.Frequency(
        (6, Gen.Const((string?)null)),
        (2, Gen.Guid.Select(g => (string?)$"fuzz-{g:N}")),
        (2, Gen.OneOf<string?>(HostileInputs.IdempotencyKeys)));

    /// <summary>The listing's filters and paging with odd values; on other routes, now and then a parameter no one reads.</summary>
    private static Gen<string> Query(FuzzRoute route)
    {
        var value = Gens.Mostly(["Referred", "Arrived", "GH", "5", "100", "2026-11-30T08:00:00Z"], HostileInputs.QueryValues);
        var parameter = Gen.Frequency(
            (6, Gen.Const((string?)null)),
            (4, Gen.Select(Gen.OneOf("status", "country", "pageSize", "continuationToken", "status", "changedSince"), value, (name, v) => (string?)$"{name}={v}")));
        var listing = parameter.Array[1, 4].Select(ps => ps.OfType<string>().ToList());
        var other = Gen.Frequency(
            (9, Gen.Const(new List<string>())),
            (1, Gen.OneOf(HostileInputs.QueryValues).Select(v => new List<string> { $"x={v}" })));
        return (route.Template switch
        {
            "cases" or "notifications" => listing,
            "reports/{report}" => ReportQuery,
            _ => other,
        }).Select(ps => ps.Count == 0 ? "" : "?" + string.Join("&", ps));
    }

    /// <summary>A report's period, filters and format: mostly valid, with odd values now and then.</summary>
    private static Gen<List<string>> ReportQuery
    {
        get
        {
            var day = Gens.Mostly(["2026-01-01", "2026-03-31", "2026-12-31"], [.. HostileInputs.QueryValues, "2026-02-30", "31-12-2026", "1999-12-31"]);
            var filter = Gen.Frequency(
                (6, Gen.Const((string?)null)),
                (4, Gen.Select(Gen.OneOf("phase", "country", "targetGroup", "referringOrganisation", "format"),
                    Gens.Mostly(["phase-4", "GH", "VulnerableMigrant", "org-ref-demo", "csv", "xlsx", "html", "json"], HostileInputs.QueryValues),
                    (name, v) => (string?)$"{name}={v}")));
            return Gen.Select(day, day, filter.Array[0, 3], (from, to, filters) =>
                new List<string> { $"from={from}", $"to={to}" }.Concat(filters.OfType<string>()).ToList());
        }
    }
}
