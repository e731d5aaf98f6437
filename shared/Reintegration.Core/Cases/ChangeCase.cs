using FluentValidation;
using Reintegration.Core.Access;
using Microsoft.Extensions.Logging;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Cases;

/// <summary>
/// Every transition of a case goes through here: shape, then the gate (access 404/403, the version the caller
/// read 412), the transition and its guards (409/422), and one conditional write.
/// </summary>
public sealed class ChangeCase(
    CaseGate gate,
    IReferenceDataStore referenceData,
    IValidator<(CaseAction, CaseActionRequest)> actionValidator,
    IValidator<PlanRequest> planValidator,
    IWorkQueue queue,
    NotificationDelivery delivery,
    SystemCaseChanges system,
    ILogger<ChangeCase> logger,
    ProgrammeClock clock)
{
    public async Task<Versioned<Case>> ActAsync(Caller caller, CaseId caseId, string? ifMatch, CaseAction action,
        CaseActionRequest request, CancellationToken cancellationToken)
    {
        if (action == CaseAction.DraftPlan)
        {
            throw new ArgumentException("Drafting a plan has its own request.", nameof(action));
        }
        RequestValidation.ThrowIfInvalid(await actionValidator.ValidateAsync((action, request), cancellationToken));
        var changed = await gate.ChangeAsync(caller, caseId, CasePermissions.Act(action), ifMatch, async current =>
        {
            var now = clock.Now;
            switch (action)
            {
                case CaseAction.Accept: current.Accept(caller, now, request.Reason); break;
                case CaseAction.Reject: current.Reject(caller, now, request.Reason!); break;
                case CaseAction.AssignPartner:
                    var partnerId = OrganisationId.From(request.PartnerId!);
                    await EnsurePartnerCoversAsync(partnerId, current.CountryOfReturn, cancellationToken);
                    // The partners hear of it from the case itself (Case.OnPartnerChanged).
                    current.AssignPartner(caller, now, partnerId.Value);
                    break;
                case CaseAction.SubmitPlan: current.SubmitPlan(caller, now); break;
                case CaseAction.ApprovePlan:
                    current.ApprovePlan(caller, now, request.Reason);
                    break;
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
                case CaseAction.ReassignPartner:
                    var newPartnerId = OrganisationId.From(request.PartnerId!);
                    if (current.Allows(CaseAction.ReassignPartner))
                    {
                        await EnsurePartnerCoversAsync(newPartnerId, current.CountryOfReturn, cancellationToken);
                    }
                    current.ReassignPartner(caller, now, newPartnerId.Value, request.Reason!);
                    break;
                case CaseAction.Transfer:
                    var organisationId = OrganisationId.From(request.ReferringOrganisationId!);
                    if (current.Allows(CaseAction.Transfer))
                    {
                        await EnsureReferringOrganisationAsync(organisationId, cancellationToken);
                    }
                    current.Transfer(caller, now, organisationId.Value, request.Reason!);
                    break;
            }
        }, cancellationToken);
        if (action == CaseAction.ConfirmArrival)
        {
            await RequestCheckpointSchedulingAsync(caseId.Value, cancellationToken);
        }
        return changed.Value.HasPendingNotifications ? await DeliverNowAsync(changed, cancellationToken) : changed;
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

    /// <summary>How long a change waits for its notifications to go out before it leaves them to the queue.</summary>
    private static readonly TimeSpan InlineDeliveryBudget = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The notices are stored with the change. They go out now, so the answer carries the version after their marking
    /// (the caller acts on it next); if Service Bus or the inbox is slow or down, the queue delivers them, and if the
    /// queue is unreachable too, the deadline job re-drives them.
    /// </summary>
    private async Task<Versioned<Case>> DeliverNowAsync(Versioned<Case> changed, CancellationToken cancellationToken)
    {
        var caseId = CaseId.From(changed.Value.Id);
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(InlineDeliveryBudget);
            var (_, marked) = await delivery.DeliverPendingAsync(caseId, budget.Token);
            return marked ?? await FindAsync(caseId, changed, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Notifications of case {CaseId} not delivered at once ({ExceptionType}); queued", caseId.Value, e.GetType().Name);
        }
        try
        {
            await queue.EnqueueAsync(WorkQueues.NotificationDelivery, new CaseWork(caseId.Value), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Delivery of case {CaseId}'s notifications not queued ({ExceptionType}); the deadline job will send them",
                caseId.Value, e.GetType().Name);
        }
        return await FindAsync(caseId, changed, cancellationToken);
    }

    /// <summary>The current version (another delivery may have marked the notices meanwhile).</summary>
    private async Task<Versioned<Case>> FindAsync(CaseId caseId, Versioned<Case> fallback, CancellationToken cancellationToken) =>
        await system.FindAsync(caseId, cancellationToken) ?? fallback;

    public async Task<Versioned<Case>> DraftPlanAsync(Caller caller, CaseId caseId, string? ifMatch, PlanRequest request,
        CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await planValidator.ValidateAsync(request, cancellationToken));
        var changed = await gate.ChangeAsync(caller, caseId, CasePermissions.EditPlan, ifMatch, async current =>
        {
            var phase = (await referenceData.PhasesAsync(cancellationToken)).FirstOrDefault(p => p.Id == current.PhaseId)
                ?? throw new InvalidOperationException("The case's programme phase is missing from the reference data.");
            // The case tells the partner when someone else sends a submitted plan back to draft.
            current.DraftPlan(caller, clock.Now, PlanDrafting.From(request, current, phase.Budget));
        }, cancellationToken);
        return changed.Value.HasPendingNotifications ? await DeliverNowAsync(changed, cancellationToken) : changed;
    }

    // The checks below read the organisation or country from the store, not the snapshot, which may be 30 s behind a
    // deactivation or a suspension saved on another instance: these are rare changes, and a case must not follow them.
    private async Task EnsurePartnerCoversAsync(OrganisationId partnerId, string country, CancellationToken cancellationToken)
    {
        var partner = (await referenceData.ReadOrganisationAsync(partnerId.Value, cancellationToken))?.Value;
        if (partner is null || !partner.Covers(country))
        {
            throw new RuleViolationException("This partner cannot take the case.",
                [new RuleFailure("partner-covers-country", $"'{partnerId}' is not an active partner organisation covering {country}.")]);
        }
    }

    private async Task EnsureReferringOrganisationAsync(OrganisationId organisationId, CancellationToken cancellationToken)
    {
        if ((await referenceData.ReadOrganisationAsync(organisationId.Value, cancellationToken))?.Value is not { Kind: OrganisationKind.Referring, Active: true })
        {
            throw new RuleViolationException("This organisation cannot take over the case.",
                [new RuleFailure("referring-organisation", $"'{organisationId}' is not an active referring organisation of the programme.")]);
        }
    }

    private async Task EnsureCountryOpenAsync(string country, CancellationToken cancellationToken)
    {
        if ((await referenceData.ReadCountryAsync(country.ToUpperInvariant(), cancellationToken))?.Value is not { Active: true })
        {
            throw new RuleViolationException("Return to this country is suspended.",
                [new RuleFailure("country-of-return", $"Departures to {country} are suspended; the case stays open.")]);
        }
    }
}
