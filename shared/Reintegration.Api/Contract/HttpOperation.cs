namespace Reintegration.Api.Contract;

/// <summary>One HTTP function as its trigger declares it (route under /api, method) with its contract, if it has one.</summary>
public sealed record HttpOperation(string FunctionName, string Route, string Method, ApiOperationAttribute? Contract)
{
    /// <summary>The OpenAPI path, e.g. <c>/cases/{caseId}</c> (the server URL holds the /api prefix).</summary>
    public string Path => "/" + Route;

    public IReadOnlyList<string> RouteValues => Route.Split('/')
        .Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s.Trim('{', '}').TrimStart('*')).ToList();
}
