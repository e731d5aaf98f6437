using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.AccessLog;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.ReferenceData;

/// <summary>
/// A coordinator adds or changes countries, programme phases, partner organisations and referring organisations. Suspending a country
/// blocks new referrals and departures; existing cases stay as they are and readable. Deactivating an organisation
/// shuts its people out (see <see cref="Access.OrganisationMembership"/>); its cases stay as they are.
/// </summary>
public sealed class MaintainReferenceData(
    IReferenceDataStore store,
    IValidator<CountryRequest> countryValidator,
    IValidator<PartnerRequest> partnerValidator,
    IValidator<ReferringOrganisationRequest> referringValidator,
    IValidator<PhaseRequest> phaseValidator,
    IAccessLog accessLog,
    Notifications.OrganisationSubscriptionSync subscriptions,
    IPhaseCalendarStore phaseCalendar,
    ProgrammeClock clock)
{
    /// <summary>Enough for every coordinator saving a phase at the same moment to get its turn.</summary>
    private const int MaxCalendarAttempts = 20;

    public async Task<Versioned<Country>> SetCountryAsync(Caller caller, CountryCode countryCode, CountryRequest request, string? ifMatch,
        CancellationToken cancellationToken)
    {
        ReferenceDataAccess.EnsureMayMaintain(caller);
        var code = countryCode.Value;
        RequestValidation.ThrowIfInvalid(await countryValidator.ValidateAsync(request, cancellationToken));
        var country = new Country
        {
            Code = code,
            Name = request.Name!,
            Active = request.Active!.Value,
            SuspensionReason = request.Active!.Value ? null : request.SuspensionReason,
        };
        EnsureVersion(await store.ReadCountryAsync(code, cancellationToken), ifMatch);
        await AttributeAsync(caller, "change-country", code, cancellationToken);
        return await store.SaveCountryAsync(country, ifMatch, cancellationToken);
    }

    public async Task<Versioned<Organisation>> SetPartnerAsync(Caller caller, OrganisationId partnerRef, PartnerRequest request,
        string? ifMatch, CancellationToken cancellationToken)
    {
        ReferenceDataAccess.EnsureMayMaintain(caller);
        var partnerId = partnerRef.Value;
        RequestValidation.ThrowIfInvalid(await partnerValidator.ValidateAsync(request, cancellationToken));
        var known = (await store.CountriesAsync(cancellationToken)).Select(c => c.Code).ToHashSet();
        var unknown = request.Countries!.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("A partner can only cover countries of the programme.",
                [new RuleFailure("countries", $"Not a country of the programme: {string.Join(", ", unknown)}.")]);
        }
        var partner = new Organisation
        {
            Id = partnerId,
            Name = request.Name!,
            Kind = OrganisationKind.Partner,
            Countries = request.Countries!.Distinct().ToList(),
            Active = request.Active!.Value,
        };
        return await SaveOrganisationAsync(caller, partner, ifMatch, cancellationToken);
    }

    public async Task<Versioned<Organisation>> SetReferringOrganisationAsync(Caller caller, OrganisationId organisation,
        ReferringOrganisationRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        ReferenceDataAccess.EnsureMayMaintain(caller);
        var organisationId = organisation.Value;
        RequestValidation.ThrowIfInvalid(await referringValidator.ValidateAsync(request, cancellationToken));
        var referring = new Organisation
        {
            Id = organisationId,
            Name = request.Name!,
            Kind = OrganisationKind.Referring,
            Active = request.Active!.Value,
        };
        return await SaveOrganisationAsync(caller, referring, ifMatch, cancellationToken);
    }

    /// <summary>
    /// Adds or changes a programme phase. Phases may not overlap: a referral belongs to the one phase active on its date.
    /// A change applies from now on: plans assessed, checkpoints scheduled and alerts raised afterwards use it; what
    /// was approved, scheduled or raised before stays as it was.
    /// </summary>
    public async Task<Versioned<ProgrammePhase>> SetPhaseAsync(Caller caller, PhaseId phase, PhaseRequest request, string? ifMatch,
        CancellationToken cancellationToken)
    {
        ReferenceDataAccess.EnsureMayMaintain(caller);
        var phaseId = phase.Value;
        RequestValidation.ThrowIfInvalid(await phaseValidator.ValidateAsync(request, cancellationToken));
        var changed = new ProgrammePhase
        {
            Id = phaseId,
            Name = request.Name!,
            StartsOn = request.StartsOn!.Value,
            EndsOn = request.EndsOn!.Value,
            Budget = new BudgetPolicy
            {
                CashContribution = request.Budget!.CashContribution!.Value,
                InKindPerAdult = request.Budget.InKindPerAdult!.Value,
                InKindPerChild = request.Budget.InKindPerChild!.Value,
                ApprovalCeiling = request.Budget.ApprovalCeiling!.Value,
            },
            MonitoringMonths = request.MonitoringMonths ?? ProgrammePhase.DefaultMonitoringMonths,
            GracePeriodDays = request.GracePeriodDays ?? ProgrammePhase.DefaultGracePeriodDays,
        };
        EnsureVersion(await store.ReadPhaseAsync(phaseId, cancellationToken), ifMatch);
        await ReserveDatesAsync(changed, cancellationToken);
        await AttributeAsync(caller, "change-phase", phaseId, cancellationToken);
        return await store.SavePhaseAsync(changed, ifMatch, cancellationToken);
    }

    /// <summary>
    /// Checks the phase's dates against those held (<see cref="PhaseCalendar.HeldWith"/>) and writes the calendar with them
    /// reserved, conditionally: whoever writes second checks again, against the first one's dates.
    /// </summary>
    private async Task ReserveDatesAsync(ProgrammePhase changed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.Now;
            var dates = PhaseDates.Of(changed) with { ReservedAt = now };
            var read = await phaseCalendar.ReadAsync(cancellationToken);
            var held = read.Calendar.HeldWith(read.Stored, now);
            var overlapping = held.Where(dates.Overlaps)
                .DistinctBy(d => d.PhaseId)
                .Select(d => $"{d.PhaseId} ({d.StartsOn:yyyy-MM-dd} to {d.EndsOn:yyyy-MM-dd})")
                .ToList();
            if (overlapping.Count > 0)
            {
                throw new RuleViolationException("Phases may not overlap: a referral belongs to the one phase active on its date.",
                    [new RuleFailure("startsOn", $"The dates overlap {string.Join(", ", overlapping)}.")]);
            }
            if (await phaseCalendar.TryWriteAsync(new PhaseCalendar([.. held, dates]), read.ETag, cancellationToken))
            {
                return;
            }
            if (attempt == MaxCalendarAttempts)
            {
                throw new ConflictException("Other phases are being saved right now; try again.");
            }
            await Task.Delay(Random.Shared.Next(1, 5 + attempt), cancellationToken);
        }
    }

    /// <summary>Organisations of all kinds share one id space; an id keeps the kind it was created with.</summary>
    private async Task<Versioned<Organisation>> SaveOrganisationAsync(Caller caller, Organisation organisation, string? ifMatch,
        CancellationToken cancellationToken)
    {
        var existing = await store.ReadOrganisationAsync(organisation.Id, cancellationToken);
        if (existing is not null && existing.Value.Kind != organisation.Kind)
        {
            throw new ConflictException($"'{organisation.Id}' is an organisation of another kind.");
        }
        EnsureVersion(existing, ifMatch);
        organisation = organisation with
        {
            DeactivatedAt = organisation.Active ? null : existing is { Value.Active: false } ? existing.Value.DeactivatedAt : clock.Now,
        };
        await AttributeAsync(caller, organisation.Kind == OrganisationKind.Partner ? "change-partner" : "change-organisation",
            organisation.Id, cancellationToken);
        var saved = await store.SaveOrganisationAsync(organisation, ifMatch, cancellationToken);
        // Added, reactivated or deactivated: its subscription follows without a redeploy (docs/decisions/0019).
        if (existing is null || existing.Value.Active != organisation.Active)
        {
            await subscriptions.RequestAsync(organisation.Id, cancellationToken);
        }
        return saved;
    }

    /// <summary>Who changed which reference item, in the access log beside the cases (written before the change).</summary>
    private Task AttributeAsync(Caller caller, string what, string item, CancellationToken cancellationToken) =>
        accessLog.AppendAsync([AccessRecord.Of(caller, AccessRecord.ReferenceDataPartition, what, item, true, clock.Now)], cancellationToken);

    /// <summary>An existing item changes only with its current ETag; a new one is created without If-Match.</summary>
    private static void EnsureVersion<T>(Versioned<T>? existing, string? ifMatch)
    {
        if (existing is null && ifMatch is not null)
        {
            throw new StaleVersionException("");
        }
        if (existing is not null && ifMatch is null)
        {
            throw new PreconditionRequiredException();
        }
        if (existing is not null && existing.ETag != ifMatch)
        {
            throw new StaleVersionException(existing.ETag);
        }
    }
}
