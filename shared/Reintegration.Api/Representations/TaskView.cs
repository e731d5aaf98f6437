using Reintegration.Core.Access;
using Reintegration.Core.Tasks;

namespace Reintegration.Api.Representations;

/// <summary>One piece of the caller's open work: ids and dates only, no personal data.</summary>
public sealed record TaskView(string Kind, string CaseId, DateTimeOffset WaitingSince, string? CheckpointId)
{
    public static readonly ViewsByRole<WorkItem> ByRole = new ViewsByRole<WorkItem>("task")
        .Give((_, w) => new TaskView(w.Kind, w.CaseId, w.WaitingSince, w.CheckpointId), Role.Caseworker, Role.Coordinator, Role.Partner, Role.Dpo);

    public static IReadOnlyList<object> For(Caller caller, IEnumerable<WorkItem> tasks) => ByRole.ForEach(caller, tasks);
}
