using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Spending;

namespace Reintegration.Functions;

/// <summary>The budget ledger of a case: spending, receipts, the cash contribution, and the balance.</summary>
public sealed class SpendingFunctions(HttpEndpoint endpoint, RequestReader reader, CaseSpending spending)
{
    [Function("RecordSpending")]
    [ApiOperation("Records a payment from the case's budget.", Permission = nameof(CasePermissions.RecordSpending), Requests = [typeof(SpendingRequest)], Response = typeof(SpendingView), Answer = Answer.Created, IdempotencyKey = true, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> Record(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/spending")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<SpendingRequest>(request, cancellationToken);
            var (changed, recorded) = await spending.RecordAsync(caller, RouteIds.Case(caseId), body.Value, body.Raw, IdempotencyKey.From(request), cancellationToken);
            return Responses.Created($"/api/cases/{caseId}/budget", changed, _ => SpendingView.For(caller, recorded));
        });

    [Function("AttachReceipt")]
    [ApiOperation("Attaches the receipt of a payment.", Permission = nameof(CasePermissions.AttachReceipt), Requests = [typeof(ReceiptRequest)], Response = typeof(SpendingView), Answer = Answer.Versioned, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> AttachReceipt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/spending/{spendingId}/receipt")] HttpRequest request,
        string caseId, string spendingId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<ReceiptRequest>(request, cancellationToken);
            var (changed, proven) = await spending.AttachReceiptAsync(caller, RouteIds.Case(caseId), RouteIds.Spending(spendingId), body.Value, cancellationToken);
            return Responses.Versioned(request, changed, _ => SpendingView.For(caller, proven));
        });

    [Function("RecordCashContribution")]
    [ApiOperation("Records the payment of the cash contribution.", Permission = nameof(CasePermissions.RecordCashPayment), Requests = [typeof(CashPaymentRequest)], Response = typeof(BudgetView), Answer = Answer.Versioned, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> RecordCashContribution(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/cash-contribution")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<CashPaymentRequest>(request, cancellationToken);
            var changed = await spending.RecordCashPaymentAsync(caller, RouteIds.Case(caseId), body.Value, cancellationToken);
            return Responses.Versioned(request, changed, c => BudgetView.For(caller, BudgetOverview.Of(c)));
        });

    [Function("GetBudget")]
    [ApiOperation("The budget of the case: lines, spending and balance.", Permission = nameof(CasePermissions.ReadBudget), Response = typeof(BudgetView))]
    public Task<IActionResult> Budget(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/budget")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok(BudgetView.For(caller, await spending.BudgetAsync(caller, RouteIds.Case(caseId), cancellationToken))));
}
