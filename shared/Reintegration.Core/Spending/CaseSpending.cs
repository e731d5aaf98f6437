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
    ProgrammeClock clock)
{
    /// <summary>Enough for every contender of a busy line to get its turn.</summary>
    private const int MaxAttempts = 100;

    public async Task<(Versioned<Case> Case, SpendingRecord Spending)> RecordAsync(Caller caller, string caseId,
        SpendingRequest request, string rawBody, string? idempotencyKey, CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        CaseAccessPolicy.EnsureMaySpend(caller, (await cases.FindAsync(caseId, cancellationToken))?.Value, caseId);
        var receipt = request.ReceiptDocumentId is { } documentId
            ? await AcceptedDocumentAsync(caseId, documentId, DocumentType.Receipt, cancellationToken)
            : null;

        return await idempotency.RunAsync(caller, $"spending:{caseId}", idempotencyKey, rawBody, spendingId =>
            ChangeWithRetryAsync(caller, caseId, c => c.RecordSpending(caller, clock.Now, new SpendingRecord
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
            }), CaseAccessPolicy.EnsureMaySpend, cancellationToken), cancellationToken);
    }

    public async Task<(Versioned<Case> Case, SpendingRecord Spending)> AttachReceiptAsync(Caller caller, string caseId,
        string spendingId, ReceiptRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DocumentId) || request.DocumentId.Length > 50)
        {
            throw RequestValidationException.ForField("documentId", "The id of an accepted receipt document of this case.");
        }
        CaseAccessPolicy.EnsureMaySpend(caller, (await cases.FindAsync(caseId, cancellationToken))?.Value, caseId);
        await AcceptedDocumentAsync(caseId, request.DocumentId, DocumentType.Receipt, cancellationToken);
        return await ChangeWithRetryAsync(caller, caseId,
            c => c.AttachReceipt(caller, clock.Now, spendingId, request.DocumentId), CaseAccessPolicy.EnsureMaySpend, cancellationToken);
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
        static void EnsureMayRecord(Caller who, Case? c, string id) => CaseAccessPolicy.EnsureMayContribute(who, c, id, "payments");
        EnsureMayRecord(caller, (await cases.FindAsync(caseId, cancellationToken))?.Value, caseId);
        await AcceptedDocumentAsync(caseId, request.ProofDocumentId, null, cancellationToken);
        var (changed, _) = await ChangeWithRetryAsync(caller, caseId, c =>
        {
            c.RecordCashPayment(caller, clock.Now, request.PaidOn.Value, request.ProofDocumentId);
            return true;
        }, EnsureMayRecord, cancellationToken);
        return changed;
    }

    public async Task<BudgetOverview> BudgetAsync(Caller caller, string caseId, CancellationToken cancellationToken)
    {
        var found = await cases.FindAsync(caseId, cancellationToken);
        CaseAccessPolicy.EnsureCanSee(caller, found?.Value, caseId);
        return BudgetOverview.Of(found!.Value);
    }

    private async Task<(Versioned<Case>, T)> ChangeWithRetryAsync<T>(Caller caller, string caseId, Func<Case, T> change,
        Action<Caller, Case?, string> ensureAllowed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await cases.FindAsync(caseId, cancellationToken);
            ensureAllowed(caller, current?.Value, caseId);
            var result = change(current!.Value);
            try
            {
                return (await cases.ReplaceAsync(current.Value, current.ETag, cancellationToken), result);
            }
            catch (StaleVersionException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
            }
        }
    }

    private async Task<CaseDocument> AcceptedDocumentAsync(string caseId, string documentId, DocumentType? type,
        CancellationToken cancellationToken)
    {
        var document = await documents.FindAsync(caseId, documentId, cancellationToken);
        if (document is not { Value.Status: DocumentStatus.Accepted } || (type is not null && document.Value.Type != type))
        {
            throw new RuleViolationException("The proof is not an accepted document of this case.",
                [new RuleFailure("receipt", $"'{documentId}' must be a completed{(type is null ? "" : $" {type}")} document of this case.")]);
        }
        return document.Value;
    }
}
