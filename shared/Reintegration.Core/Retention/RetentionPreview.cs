using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;

namespace Reintegration.Core.Retention;

/// <summary>
/// What the next retention run would do, for the data protection officer: case ids, what and since when, no personal
/// data (so, like the task list, not recorded per case).
/// </summary>
public sealed class RetentionPreview(RetentionJob job)
{
    public const int Max = 100;

    public async Task<RetentionPreviewPage> NextRunAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!CasePermissions.Erase.RoleMay(caller.Role))
        {
            throw new ForbiddenException("Only the data protection officer sees what retention will erase.");
        }
        var (items, more) = await job.PreviewAsync(Max, cancellationToken);
        return new RetentionPreviewPage(items.Select(i => new RetentionPreviewItem(i.CaseId, i.Action switch
        {
            RetentionAction.Anonymise => "anonymise",
            RetentionAction.DeleteFinancialFiles => "delete-financial-files",
            _ => "finish-erasure",
        }, i.Erasure.Scope == Cases.ErasureScope.Everything, i.DueOn)).ToList(), more);
    }
}

/// <param name="FinancialFilesToo">Whether the run also deletes the files kept for the funder's audit.</param>
public sealed record RetentionPreviewItem(string CaseId, string Action, bool FinancialFilesToo, DateOnly DueOn);

/// <param name="More">More cases are due than listed; the next run takes them all.</param>
public sealed record RetentionPreviewPage(IReadOnlyList<RetentionPreviewItem> Items, bool More);
