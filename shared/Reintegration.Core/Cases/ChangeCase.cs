using FluentValidation;
using Reintegration.Core.Access;
using Microsoft.Extensions.Logging;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Cases;

/// <summary>
/// Every change to a case goes through here: shape, access (404/403), the version the caller read
/// (412), the transition and its guards (409/422), then one conditional write.
/// </summary>
public sealed class ChangeCase(
    ICaseStore cases,
    IReferenceDataStore referenceData,
    IValidator<(CaseAction, CaseActionRequest)> actionValidator,
    IValidator<PlanRequest> planValidator,
    IWorkQueue queue,
    ILogger<ChangeCase> logger,
    ProgrammeClock clock)
{
    public async Task<Versioned<Case>> ActAsync(Caller caller, string caseId, string? ifMatch, CaseAction action,
        CaseActionRequest request, CancellationToken cancellationToken)
    {
        if (action == CaseAction.DraftPlan)
        {
            throw new ArgumentException("Drafting a plan has its own request.", nameof(action));
        }
        RequestValidation.ThrowIfInvalid(await actionValidator.ValidateAsync((action, request), cancellationToken));
        var (current, etag) = await LoadForChangeAsync(caller, caseId, ifMatch, action, cancellationToken);
        var now = clock.Now;
        switch (action)
        {
            case CaseAction.Accept: current.Accept(caller, now, request.Reason); break;
            case CaseAction.Reject: current.Reject(caller, now, request.Reason!); break;
            case CaseAction.AssignPartner:
                await EnsurePartnerCoversAsync(request.PartnerId!, current.CountryOfReturn, cancellationToken);
                current.AssignPartner(caller, now, request.PartnerId!);
                break;
            case CaseAction.SubmitPlan: current.SubmitPlan(caller, now); break;
            case CaseAction.ApprovePlan: current.ApprovePlan(caller, now, request.Reason); break;
            case CaseAction.Depart:
                if (current.Allows(CaseAction.Depart))
                {
                    await EnsureCountryOpenAsync(current.CountryOfReturn, cancellationToken);
                }
                current.Depart(caller, now, request.Date!.Value);
                break;
            case CaseAction.ConfirmArrival: current.ConfirmArrival(caller, now, request.Date!.Value); break;
            case CaseAction.Withdraw: current.Withdraw(caller, now, request.Reason!); break;
            case CaseAction.Close: current.Close(caller, now, Enum.Parse<CaseOutcome>(request.Outcome!), request.Reason!); break;
        }
        var changed = await cases.ReplaceAsync(current, etag, cancellationToken);
        if (action == CaseAction.ConfirmArrival)
        {
            await RequestCheckpointSchedulingAsync(caseId, cancellationToken);
        }
        return changed;
    }

    /// <summary>
    /// The arrival is recorded whatever happens here: if the queue is unreachable now, the deadline
    /// job finds the arrived case and schedules its checkpoints on its next run.
    /// </summary>
    private async Task RequestCheckpointSchedulingAsync(string caseId, CancellationToken cancellationToken)
    {
        try
        {
            await queue.EnqueueAsync(WorkQueues.CheckpointScheduling, new CaseWork(caseId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Checkpoint scheduling of case {CaseId} not queued ({ExceptionType}); the deadline job will pick it up",
                caseId, e.GetType().Name);
        }
    }

    public async Task<Versioned<Case>> DraftPlanAsync(Caller caller, string caseId, string? ifMatch, PlanRequest request,
        CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await planValidator.ValidateAsync(request, cancellationToken));
        var (current, etag) = await LoadForChangeAsync(caller, caseId, ifMatch, CaseAction.DraftPlan, cancellationToken);
        var phase = (await referenceData.PhasesAsync(cancellationToken)).FirstOrDefault(p => p.Id == current.PhaseId)
            ?? throw new InvalidOperationException("The case's programme phase is missing from the reference data.");
        current.DraftPlan(caller, clock.Now, PlanDrafting.From(request, current, phase.Budget));
        return await cases.ReplaceAsync(current, etag, cancellationToken);
    }

    private async Task<(Case Case, string ETag)> LoadForChangeAsync(Caller caller, string caseId, string? ifMatch,
        CaseAction action, CancellationToken cancellationToken)
    {
        var found = await cases.FindAsync(caseId, cancellationToken);
        CaseAccessPolicy.EnsureMayAct(caller, found?.Value, caseId, action);
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new PreconditionRequiredException();
        }
        if (ifMatch != found!.ETag)
        {
            throw new StaleVersionException(found.ETag);
        }
        return (found.Value, found.ETag);
    }

    private async Task EnsurePartnerCoversAsync(string partnerId, string country, CancellationToken cancellationToken)
    {
        var partner = await referenceData.FindOrganisationAsync(partnerId, cancellationToken);
        if (partner is null || !partner.Covers(country))
        {
            throw new RuleViolationException("This partner cannot take the case.",
                [new RuleFailure("partner-covers-country", $"'{partnerId}' is not an active partner organisation covering {country}.")]);
        }
    }

    private async Task EnsureCountryOpenAsync(string country, CancellationToken cancellationToken)
    {
        if (await referenceData.FindCountryAsync(country, cancellationToken) is not { Active: true })
        {
            throw new RuleViolationException("Return to this country is suspended.",
                [new RuleFailure("country-of-return", $"Departures to {country} are suspended; the case stays open.")]);
        }
    }
}
