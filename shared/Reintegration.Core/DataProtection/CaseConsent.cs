using FluentValidation;
using Microsoft.Extensions.Logging;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.DataProtection;

/// <summary>The caseworker records that the person withdrew consent to share with the partner, or gave it again.</summary>
public sealed class CaseConsent(CaseGate gate, IValidator<ConsentRequest> validator, IWorkQueue queue, ILogger<CaseConsent> logger,
    ProgrammeClock clock)
{
    public async Task<Versioned<Case>> WithdrawAsync(Caller caller, CaseId caseId, string? ifMatch, ConsentRequest request,
        CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw RequestValidationException.ForField("reason", "Say why consent was withdrawn.");
        }
        var changed = await gate.ChangeAsync(caller, caseId, CasePermissions.WithdrawConsent, ifMatch, c =>
        {
            c.WithdrawConsent(caller, clock.Now, request.Date!.Value, request.Method!, request.Reason);
            return Task.CompletedTask;
        }, cancellationToken);
        await TellPartnerAsync(caseId, cancellationToken);
        return changed;
    }

    public async Task<Versioned<Case>> GiveAsync(Caller caller, CaseId caseId, string? ifMatch, ConsentRequest request,
        CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        var changed = await gate.ChangeAsync(caller, caseId, CasePermissions.GiveConsent, ifMatch, c =>
        {
            c.GiveConsent(caller, clock.Now, request.Date!.Value, request.Method!, request.Reason);
            return Task.CompletedTask;
        }, cancellationToken);
        await TellPartnerAsync(caseId, cancellationToken);
        return changed;
    }

    /// <summary>
    /// The notification to the partner is recorded with the change; delivery is asked for now. If the queue is unreachable,
    /// the deadline job finds the undelivered notification and sends it later.
    /// </summary>
    private async Task TellPartnerAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        try
        {
            await queue.EnqueueAsync(WorkQueues.NotificationDelivery, new CaseWork(caseId.Value), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Delivery of case {CaseId}'s consent notification not queued ({ExceptionType}); the deadline job will send it",
                caseId.Value, e.GetType().Name);
        }
    }
}
