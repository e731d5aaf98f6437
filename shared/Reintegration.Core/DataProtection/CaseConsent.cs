using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.DataProtection;

/// <summary>The caseworker records that the person withdrew consent to share with the partner, or gave it again.</summary>
public sealed class CaseConsent(CaseGate gate, IValidator<ConsentRequest> validator, ProgrammeClock clock)
{
    public async Task<Versioned<Case>> WithdrawAsync(Caller caller, CaseId caseId, string? ifMatch, ConsentRequest request,
        CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw RequestValidationException.ForField("reason", "Say why consent was withdrawn.");
        }
        return await gate.ChangeAsync(caller, caseId, CasePermissions.WithdrawConsent, ifMatch, c =>
        {
            c.WithdrawConsent(caller, clock.Now, request.Date!.Value, request.Method!, request.Reason);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<Versioned<Case>> GiveAsync(Caller caller, CaseId caseId, string? ifMatch, ConsentRequest request,
        CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        return await gate.ChangeAsync(caller, caseId, CasePermissions.GiveConsent, ifMatch, c =>
        {
            c.GiveConsent(caller, clock.Now, request.Date!.Value, request.Method!, request.Reason);
            return Task.CompletedTask;
        }, cancellationToken);
    }
}
