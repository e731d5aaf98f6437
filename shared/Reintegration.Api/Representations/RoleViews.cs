using Reintegration.Core.Access;

namespace Reintegration.Api.Representations;

/// <summary>Every answer about a case that has views per role; docs/data-protection.md lists their fields and a test keeps the two equal.</summary>
public static class RoleViews
{
    public static IReadOnlyList<IViewsByRole> All =>
    [
        CaseView.ByRole, BudgetView.ByRole, SpendingView.ByRole, MonitoringCheckpointView.ByRole, TimelineEntryView.ByRole, TaskView.ByRole,
        NotificationView.ByRole,
    ];

    /// <summary>Every field path the role may receive, over all answers.</summary>
    public static IReadOnlySet<string> Fields(Role role) =>
        All.SelectMany(v => v.ViewFor(role) is { } view ? ViewFields.Of(view, v.Resource) : []).ToHashSet(StringComparer.Ordinal);
}
