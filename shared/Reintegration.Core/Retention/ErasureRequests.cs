using Reintegration.Core.Validation;
using FluentValidation;
using Microsoft.Extensions.Options;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.DataProtection;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Time;

namespace Reintegration.Core.Retention;

/// <summary>
/// The data protection officer erases a person's data on request (GDPR art. 17): through the gate, at once, unless a
/// hold prevents it. Asking again answers the same outcome; an erasure that stopped half-way is finished.
/// </summary>
public sealed class ErasureRequests(
    CaseGate gate,
    CaseErasure erasure,
    IDocumentStore documents,
    IValidator<ErasureRequest> validator,
    IOptions<RetentionOptions> options,
    ProgrammeClock clock)
{
    public const string OpenCase = "open-case";
    public const string FinancialRetention = "financial-retention";

    public async Task<ErasureOutcome> EraseAsync(Caller caller, CaseId caseId, ErasureRequest request, CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        var scope = request.Scope == ErasureRequest.Everything ? ErasureScope.Everything : ErasureScope.PersonalData;
        var found = await gate.ReadAsync(caller, caseId, CasePermissions.Erase, cancellationToken, request.Scope);
        var @case = found.Value;
        if (!@case.Erased(scope))
        {
            await EnsureNotHeldAsync(@case, scope, cancellationToken);
            @case = (await erasure.EraseAsync(caseId,
                new PendingErasure(scope, ErasureReason.ErasureRequest, new ErasureActor(caller.UserId, caller.RoleName, caller.OrganisationId),
                    request.Reason, clock.Now),
                cancellationToken)).Case;
        }
        return ErasureOutcome.Of(@case);
    }

    private async Task EnsureNotHeldAsync(Case @case, ErasureScope scope, CancellationToken cancellationToken)
    {
        if (CaseWorkflow.IsOpen(@case.Status) || @case.EndedOn is null)
        {
            throw new ErasureHeldException([OpenCase],
                $"The case is {@case.Status}: its data is erased once it is closed, withdrawn or rejected.");
        }
        if (scope == ErasureScope.Everything && @case.EndedOn > options.Value.FinancialRecordsEndedBy(clock.Today)
            && (@case.Spending.Count > 0 || @case.CashContributionPaid is not null
                || CaseErasure.FinancialDocumentIds(@case, await documents.ListAsync(@case.Id, cancellationToken)).Count > 0))
        {
            throw new ErasureHeldException([FinancialRetention],
                $"The records that prove spending are kept for the funder's audit until {options.Value.FinancialRecordsDueOn(@case.EndedOn.Value):yyyy-MM-dd}; " +
                "erase the personal data now with scope personal-data.");
        }
    }
}

/// <summary>What a DPO asks: why, and whether the files kept for the funder's audit go too.</summary>
public sealed record ErasureRequest
{
    public const string PersonalData = "personal-data";
    public const string Everything = "everything";

    public string? Reason { get; init; }
    public string? Scope { get; init; }
}

public sealed class ErasureRequestValidator : AbstractValidator<ErasureRequest>
{
    public ErasureRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500).PlainText();
        RuleFor(r => r.Scope).NotEmpty().Must(s => s is ErasureRequest.PersonalData or ErasureRequest.Everything)
            .WithMessage($"One of: {ErasureRequest.PersonalData}, {ErasureRequest.Everything}.");
    }
}

/// <summary>
/// Where erasure of a case stands; the same for every request once done. <see cref="FilesPending"/>: the case is
/// anonymised, and files under storage's retention lock are deleted by the retention job once the lock has passed.
/// </summary>
public sealed record ErasureOutcome(string CaseId, string Erased, DateTimeOffset? AnonymisedAt, ErasureReason? AnonymisedFor,
    DateTimeOffset? FinancialFilesErasedAt, bool FilesPending)
{
    public static ErasureOutcome Of(Case @case) => new(@case.Id,
        @case.RetentionStage == RetentionStage.Complete ? ErasureRequest.Everything : ErasureRequest.PersonalData,
        @case.Anonymisation?.At, @case.Anonymisation?.Why, @case.FinancialFilesErasedAt, @case.ErasureInProgress);
}
