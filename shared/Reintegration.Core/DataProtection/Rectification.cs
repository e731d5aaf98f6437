using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.DataProtection;

/// <summary>
/// Corrects the person's details: the caseworker before departure; after arrival the partner keeps the contact details
/// in the country of return (phone, address) current, which monitoring depends on.
/// </summary>
public sealed class Rectification(CaseGate gate, IValidator<PersonCorrection> validator, ProgrammeClock clock)
{
    public async Task<Versioned<Case>> CorrectAsync(Caller caller, CaseId caseId, string? ifMatch, PersonCorrection correction,
        CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(correction, cancellationToken));
        return await gate.ChangeAsync(caller, caseId, CasePermissions.Rectify, ifMatch, c =>
        {
            c.Rectify(caller, clock.Now, correction);
            return Task.CompletedTask;
        }, cancellationToken);
    }
}
