using Reintegration.Core.Cases;
using Reintegration.Core.Errors;

namespace Reintegration.Api.Http;

public static class CaseActionNames
{
    /// <summary>Actions taken at .../actions/{name}; drafting the plan has its own route (PUT .../plan).</summary>
    private static readonly Dictionary<string, CaseAction> ByName = Enum.GetValues<CaseAction>()
        .Where(a => a != CaseAction.DraftPlan)
        .ToDictionary(CaseWorkflow.Name, StringComparer.Ordinal);

    /// <summary>Every action name the route takes, for the API's contract.</summary>
    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static CaseAction Parse(string name) =>
        ByName.TryGetValue(name, out var action) ? action : throw new NotFoundException($"Action '{name}'");
}
