using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Core.Idempotency;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Spending;

/// <summary>
/// The partner records spending against the approved plan. Each change re-reads the case and
/// writes it conditionally; a lost race is retried on the fresh version, where the budget check
/// runs again, so concurrent requests can never spend more than a line reserves.
/// </summary>
public sealed class CaseSpending(
    ICaseStore cases,
    IDocumentStore documents,
    IValidator<SpendingRequest> validator,
    IdempotentCreation idempotency,
    CaseWriter writer,
    ProgrammeClock clock)
{
    public async Task<(Versioned<Case> Case, SpendingRecord Spending)> RecordAsync(Caller caller, string caseId,
        SpendingRequest request, string rawBody, string? idempotencyKey, CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        CaseAccessPolicy.EnsureMaySpend(caller, (await cases.FindAsync(caseId, cancellationToken))?.Value, caseId);
        var receipt = request.ReceiptDocumentId is { } documentId
            ? await AcceptedDocuments.RequireAsync(documents, caseId, documentId, DocumentType.Receipt, cancellationToken)
            : null;

        return await idempotency.RunAsync(caller, $"spending:{caseId}", idempotencyKey, rawBody, spendingId =>
            writer.ChangeAsync(caseId, c => CaseAccessPolicy.EnsureMaySpend(caller, c, caseId), c => c.RecordSpending(caller, clock.Now, new SpendingRecord
            {
                Id = spendingId,
                BudgetLineId = request.BudgetLineId!,
                SupportArea = default,
                PaidOn = request.PaidOn!.Value,
                AmountPaid = request.AmountPaid!.Value,
                Currency = request.Currency!,
                ExchangeRate = request.ExchangeRate!.Value,
                AmountEur = request.AmountEur!.Value,
                Description = request.Description!,
                ReceiptDocumentId = receipt?.Id,
                Status = receipt is null ? SpendingStatus.Pending : SpendingStatus.Proven,
                RecordedAt = clock.Now,
                RecordedBy = caller.UserId,
            }), cancellationToken), cancellationToken);
    }

    public async Task<(Versioned<Case> Case, SpendingRecord Spending)> AttachReceiptAsync(Caller caller, string caseId,
        string spendingId, ReceiptRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DocumentId) || request.DocumentId.Length > 50)
        {
            throw RequestValidationException.ForField("documentId", "The id of an accepted receipt document of this case.");
        }
        CaseAccessPolicy.EnsureMaySpend(caller, (await cases.FindAsync(caseId, cancellationToken))?.Value, caseId);
        await AcceptedDocuments.RequireAsync(documents, caseId, request.DocumentId, DocumentType.Receipt, cancellationToken);
        return await writer.ChangeAsync(caseId, c => CaseAccessPolicy.EnsureMaySpend(caller, c, caseId),
            c => c.AttachReceipt(caller, clock.Now, spendingId, request.DocumentId), cancellationToken);
    }

    public async Task<Versioned<Case>> RecordCashPaymentAsync(Caller caller, string caseId, CashPaymentRequest request,
        CancellationToken cancellationToken)
    {
        if (request.PaidOn is null || request.PaidOn > clock.Today)
        {
            throw RequestValidationException.ForField("paidOn", "A date that is not in the future.");
        }
        if (string.IsNullOrWhiteSpace(request.ProofDocumentId) || request.ProofDocumentId.Length > 50)
        {
            throw RequestValidationException.ForField("proofDocumentId", "The id of an accepted document of this case.");
        }
        void EnsureMayRecord(Case? c) => CaseAccessPolicy.EnsureMayContribute(caller, c, caseId, "payments");
        EnsureMayRecord((await cases.FindAsync(caseId, cancellationToken))?.Value);
        await AcceptedDocuments.RequireAsync(documents, caseId, request.ProofDocumentId, null, cancellationToken);
        var (changed, _) = await writer.ChangeAsync(caseId, EnsureMayRecord, c =>
        {
            c.RecordCashPayment(caller, clock.Now, request.PaidOn.Value, request.ProofDocumentId);
            return true;
        }, cancellationToken);
        return changed;
    }

    public async Task<BudgetOverview> BudgetAsync(Caller caller, string caseId, CancellationToken cancellationToken)
    {
        var found = await cases.FindAsync(caseId, cancellationToken);
        CaseAccessPolicy.EnsureCanSee(caller, found?.Value, caseId);
        return BudgetOverview.Of(found!.Value);
    }
}
