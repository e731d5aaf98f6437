using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Idempotency;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Spending;

/// <summary>
/// The partner records spending against the approved plan. Each change goes through the gate, which writes the case
/// conditionally and on a lost race runs the change again on the fresh version, where the budget check runs again, so
/// concurrent requests can never spend more than a line reserves.
/// </summary>
public sealed class CaseSpending(
    CaseGate gate,
    IDocumentStore documents,
    IValidator<SpendingRequest> validator,
    IdempotentCreation idempotency,
    ProgrammeClock clock)
{
    public async Task<(Versioned<Case> Case, SpendingRecord Spending)> RecordAsync(Caller caller, CaseId caseId,
        SpendingRequest request, string rawBody, string? idempotencyKey, CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        var receiptId = request.ReceiptDocumentId is { } text
            ? IdParsing.Field(text, "receiptDocumentId", IdShapes.IssuedRule, DocumentId.TryFrom)
            : (DocumentId?)null;

        IdempotentCreation.EnsureWellFormed(idempotencyKey);

        // The key is claimed once the gate admitted the caller: a refused request leaves no record of it. A run again
        // after a lost race claims it again and finds the same spending id.
        return await gate.AppendAsync(caller, caseId, CasePermissions.RecordSpending, async c =>
        {
            var spendingId = await idempotency.ResourceIdAsync(caller, $"spending:{caseId}", idempotencyKey, rawBody, cancellationToken);
            var receipt = receiptId is { } id
                ? await AcceptedDocuments.RequireAsync(caller, documents, caseId.Value, id.Value, DocumentType.Receipt, cancellationToken)
                : null;
            var now = clock.Now;
            return c.RecordSpending(caller, now, request.ToRecord(spendingId, default, now, caller.UserId) with
            {
                ReceiptDocumentId = receipt?.Id,
                Status = receipt is null ? SpendingStatus.Pending : SpendingStatus.Proven,
                RecordedByOrganisationId = caller.OrganisationId,
            });
        }, cancellationToken);
    }

    public async Task<(Versioned<Case> Case, SpendingRecord Spending)> AttachReceiptAsync(Caller caller, CaseId caseId,
        SpendingId spendingId, ReceiptRequest request, CancellationToken cancellationToken)
    {
        var documentId = IdParsing.Field(request.DocumentId, "documentId", IdShapes.IssuedRule, DocumentId.TryFrom);
        return await gate.AppendAsync(caller, caseId, CasePermissions.AttachReceipt, async c =>
        {
            await AcceptedDocuments.RequireAsync(caller, documents, caseId.Value, documentId.Value, DocumentType.Receipt, cancellationToken);
            return c.AttachReceipt(caller, clock.Now, spendingId.Value, documentId.Value);
        }, cancellationToken, spendingId.Value);
    }

    public async Task<Versioned<Case>> RecordCashPaymentAsync(Caller caller, CaseId caseId, CashPaymentRequest request,
        CancellationToken cancellationToken)
    {
        if (request.PaidOn is not { } paidOn || paidOn < Validation.ProgrammeDates.EarliestEvent || paidOn > clock.Today)
        {
            throw RequestValidationException.ForField("paidOn",
                $"A date from {Validation.ProgrammeDates.EarliestEvent:yyyy-MM-dd} to today, not in the future.");
        }
        var proofId = IdParsing.Field(request.ProofDocumentId, "proofDocumentId", IdShapes.IssuedRule, DocumentId.TryFrom);
        var (changed, _) = await gate.AppendAsync(caller, caseId, CasePermissions.RecordCashPayment, async c =>
        {
            await AcceptedDocuments.RequireAsync(caller, documents, caseId.Value, proofId.Value, null, cancellationToken);
            c.RecordCashPayment(caller, clock.Now, request.PaidOn.Value, proofId.Value);
            return true;
        }, cancellationToken);
        return changed;
    }

    public async Task<BudgetOverview> BudgetAsync(Caller caller, CaseId caseId, CancellationToken cancellationToken) =>
        BudgetOverview.Of((await gate.ReadAsync(caller, caseId, CasePermissions.ReadBudget, cancellationToken)).Value);
}
