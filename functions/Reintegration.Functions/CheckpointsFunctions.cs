using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Cases;
using Reintegration.Core.Monitoring;

namespace Reintegration.Functions;

/// <summary>Monitoring checkpoints of a case: their status, the partner's report, a coordinator's waiver.</summary>
public sealed class CheckpointsFunctions(HttpEndpoint endpoint, RequestReader reader, CaseMonitoring monitoring)
{
    [Function("ListCheckpoints")]
    [ApiOperation("The monitoring checkpoints of the case.", Permission = nameof(CasePermissions.ReadCheckpoints), Response = typeof(MonitoringCheckpointView), Shape = Shape.List)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/checkpoints")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok(MonitoringCheckpointView.For(caller, await monitoring.ListAsync(caller, RouteIds.Case(caseId), cancellationToken))));

    [Function("SubmitReport")]
    [ApiOperation("Files the monitoring report of a checkpoint.", Permission = nameof(CasePermissions.Report), Requests = [typeof(ReportRequest)], Response = typeof(MonitoringCheckpointView), Answer = Answer.Versioned, Problems = [ProblemTypes.RuleViolation, ProblemTypes.InvalidTransition, ProblemTypes.Conflict])]
    public Task<IActionResult> Report(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/checkpoints/{checkpointId}/report")] HttpRequest request,
        string caseId, string checkpointId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<ReportRequest>(request, cancellationToken);
            var (changed, checkpoint) = await monitoring.ReportAsync(caller, RouteIds.Case(caseId), RouteIds.Checkpoint(checkpointId), body.Value, cancellationToken);
            return Responses.Versioned(request, changed, _ => MonitoringCheckpointView.For(caller, checkpoint));
        });

    [Function("WaiveCheckpoint")]
    [ApiOperation("Waives a monitoring checkpoint, with the reason.", Permission = nameof(CasePermissions.Waive), Requests = [typeof(CaseActionRequest)], Response = typeof(MonitoringCheckpointView), Answer = Answer.Versioned, Problems = [ProblemTypes.RuleViolation, ProblemTypes.InvalidTransition, ProblemTypes.Conflict])]
    public Task<IActionResult> Waive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/checkpoints/{checkpointId}/waive")] HttpRequest request,
        string caseId, string checkpointId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<CaseActionRequest>(request, cancellationToken);
            var (changed, checkpoint) = await monitoring.WaiveAsync(caller, RouteIds.Case(caseId), RouteIds.Checkpoint(checkpointId), body.Value.Reason, cancellationToken);
            return Responses.Versioned(request, changed, _ => MonitoringCheckpointView.For(caller, checkpoint));
        });
}
