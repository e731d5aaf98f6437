using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reintegration.Api.Http;
using Reintegration.Core.Retention;

namespace Reintegration.Functions;

/// <summary>Retention and erasure: the daily job, what its next run would do, and erasure on request (DPO).</summary>
public sealed class RetentionFunctions(
    HttpEndpoint endpoint,
    RequestReader reader,
    RetentionJob job,
    RetentionPreview preview,
    ErasureRequests erasure,
    ILogger<RetentionFunctions> logger)
{
    /// <summary>Daily by default; the schedule is the app setting RetentionSchedule. Logs counts only.</summary>
    [Function("RetentionJob")]
    public async Task RunRetentionJob([TimerTrigger("%RetentionSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await job.RunAsync(cancellationToken);
        logger.LogInformation(
            "Retention job read {Cases} cases: anonymised {Anonymised}, deleted financial files of {Financial}, finished {Finished} erasures, " +
            "erased {Files} files, {Locked} files wait for their storage lock, {Failures} left for the next run",
            run.CasesRead, run.CasesAnonymised, run.FinancialFilesDeleted, run.ErasuresFinished, run.FilesErased, run.FilesLocked, run.Failures);
    }

    [Function("PreviewRetention")]
    [ApiOperation("What the next retention run would do.", Roles = [Role.Dpo], Response = typeof(RetentionPreviewPage))]
    public Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "retention/preview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller => Responses.Ok(await preview.NextRunAsync(caller, cancellationToken)));

    [Function("EraseCase")]
    [ApiOperation("Erases the person's data now, or answers what holds it back.", Permission = nameof(CasePermissions.Erase), Requests = [typeof(ErasureRequest)], Response = typeof(ErasureOutcome), Problems = [ProblemTypes.ErasureHeld, ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> Erase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/erasure")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<ErasureRequest>(request, cancellationToken);
            return Responses.Ok(await erasure.EraseAsync(caller, RouteIds.Case(caseId), body.Value, cancellationToken));
        });
}
