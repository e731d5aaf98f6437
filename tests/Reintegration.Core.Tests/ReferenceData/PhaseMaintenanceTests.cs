using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace Reintegration.Core.Tests.ReferenceData;

public class PhaseMaintenanceTests
{
    private static readonly Caller Coordinator = new("coordinator-1", Role.Coordinator, "org-coordination");
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly InMemoryReferenceData store = new(ReferenceDataSeed.Published());
    private readonly InMemoryAccessLog accessLog = new();
    private readonly InMemoryPhaseCalendar calendar;

    public PhaseMaintenanceTests() => calendar = new InMemoryPhaseCalendar(store);

    private MaintainReferenceData Maintain => new(store, new CountryRequestValidator(), new PartnerRequestValidator(),
        new ReferringOrganisationRequestValidator(), new PhaseRequestValidator(), accessLog,
        new OrganisationSubscriptionSync(store, new NoSubscriptions(), new NoSubscriptions(), NullLogger<OrganisationSubscriptionSync>.Instance),
        calendar, TestData.Clock());

    /// <summary>Phases change no subscription: nothing here is ever called.</summary>
    private sealed class NoSubscriptions : IOrganisationSubscriptions, IOrganisationWorkQueue
    {
        public Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken) => throw new InvalidOperationException();
        public Task EnsureAsync(string name, string sqlFilter, CancellationToken cancellationToken) => throw new InvalidOperationException();
        public Task RemoveAsync(string name, CancellationToken cancellationToken) => throw new InvalidOperationException();
        public Task EnqueueAsync(OrganisationWork work, CancellationToken cancellationToken) => throw new InvalidOperationException();
    }

    private static PhaseRequest Phase5 => new()
    {
        Name = "Phase 5",
        StartsOn = new DateOnly(2027, 11, 1),
        EndsOn = new DateOnly(2029, 10, 31),
        Budget = new BudgetPolicyRequest { CashContribution = 250m, InKindPerAdult = 2000m, InKindPerChild = 650.50m, ApprovalCeiling = 6000m },
    };

    [Fact]
    public async Task A_new_phase_after_the_last_is_saved_with_the_default_schedule_and_grace_period()
    {
        await Maintain.SetPhaseAsync(Coordinator, PhaseId.From("phase-5"), Phase5, null, Cancel);

        var saved = store.Set.Phases.Single(p => p.Id == "phase-5");
        var attributed = Assert.Single(accessLog.Records);
        Assert.Equal(("coordinator-1", "change-phase", "phase-5"), (attributed.ActorId, attributed.What, attributed.Detail));
        Assert.Equal(new DateOnly(2027, 11, 1), saved.StartsOn);
        Assert.Equal(650.50m, saved.Budget.InKindPerChild);
        Assert.Equal([1, 3, 6, 12], saved.MonitoringMonths);
        Assert.Equal(14, saved.GracePeriodDays);
    }

    [Fact]
    public async Task A_phase_overlapping_another_is_refused_naming_it_and_nothing_is_saved()
    {
        var overlapping = Phase5 with { StartsOn = new DateOnly(2027, 10, 31) };

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Maintain.SetPhaseAsync(Coordinator, PhaseId.From("phase-5"), overlapping, null, Cancel));

        Assert.Contains("phase-4", Assert.Single(refused.Failures).Detail);
        Assert.DoesNotContain(store.Set.Phases, p => p.Id == "phase-5");
    }

    [Fact]
    public async Task A_phase_may_change_its_own_dates_and_schedule()
    {
        var phase4 = store.Set.Phases.Single(p => p.Id == "phase-4");
        var longer = Phase5 with
        {
            Name = phase4.Name, StartsOn = phase4.StartsOn, EndsOn = phase4.EndsOn.AddMonths(6), MonitoringMonths = [1, 6, 12, 18], GracePeriodDays = 21,
        };

        await Maintain.SetPhaseAsync(Coordinator, PhaseId.From("phase-4"), longer, "\"1\"", Cancel);

        var saved = store.Set.Phases.Single(p => p.Id == "phase-4");
        Assert.Equal(phase4.EndsOn.AddMonths(6), saved.EndsOn);
        Assert.Equal([1, 6, 12, 18], saved.MonitoringMonths);
        Assert.Equal(21, saved.GracePeriodDays);
    }

    [Fact]
    public async Task Bad_amounts_dates_and_schedules_are_each_named_and_nothing_is_saved()
    {
        var bad = Phase5 with
        {
            EndsOn = new DateOnly(2027, 1, 1),
            Budget = new BudgetPolicyRequest { CashContribution = -1m, InKindPerAdult = 2000.005m, InKindPerChild = null, ApprovalCeiling = 1_000_000m },
            MonitoringMonths = [3, 1],
            GracePeriodDays = 400,
        };

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Maintain.SetPhaseAsync(Coordinator, PhaseId.From("phase-5"), bad, null, Cancel));

        Assert.Equal(
            ["Budget.ApprovalCeiling", "Budget.CashContribution", "Budget.InKindPerAdult", "Budget.InKindPerChild", "EndsOn", "GracePeriodDays", "MonitoringMonths"],
            refused.Errors.Keys.Select(k => k.Replace("budget.", "Budget.", StringComparison.OrdinalIgnoreCase)).Select(Capitalise).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(store.Set.Phases, p => p.Id == "phase-5");
    }

    [Fact]
    public async Task Of_two_coordinators_saving_overlapping_phases_at_the_same_moment_the_second_is_refused()
    {
        var phase6 = Phase5 with { Name = "Phase 6", StartsOn = new DateOnly(2029, 1, 1), EndsOn = new DateOnly(2030, 12, 31) };
        // The other coordinator's save of phase 5 runs after this save read the calendar and before it writes it.
        calendar.BetweenReadAndWrite = () => Maintain.SetPhaseAsync(Coordinator, PhaseId.From("phase-5"), Phase5, null, Cancel);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Maintain.SetPhaseAsync(Coordinator, PhaseId.From("phase-6"), phase6, null, Cancel));

        Assert.Contains("phase-5", Assert.Single(refused.Failures).Detail);
        Assert.Equal(["phase-5"], store.Set.Phases.Select(p => p.Id).Where(id => id is "phase-5" or "phase-6"));
    }

    [Fact]
    public async Task Dates_reserved_by_a_save_not_yet_stored_hold_for_the_reservation_hold_and_no_longer()
    {
        var (_, _, etag) = await calendar.ReadAsync(Cancel);
        var inFlight = new PhaseDates("phase-5", Phase5.StartsOn!.Value, Phase5.EndsOn!.Value, TestData.Now);
        Assert.True(await calendar.TryWriteAsync(new PhaseCalendar([inFlight]), etag, Cancel));
        var phase6 = Phase5 with { Name = "Phase 6" };

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Maintain.SetPhaseAsync(Coordinator, PhaseId.From("phase-6"), phase6, null, Cancel));
        Assert.Contains("phase-5", Assert.Single(refused.Failures).Detail);

        (_, _, etag) = await calendar.ReadAsync(Cancel);
        var abandoned = inFlight with { ReservedAt = TestData.Now - PhaseCalendar.ReservationHold - TimeSpan.FromSeconds(1) };
        Assert.True(await calendar.TryWriteAsync(new PhaseCalendar([abandoned]), etag, Cancel));
        await Maintain.SetPhaseAsync(Coordinator, PhaseId.From("phase-6"), phase6, null, Cancel);

        Assert.Contains(store.Set.Phases, p => p.Id == "phase-6");
        Assert.DoesNotContain(calendar.Calendar!.Dates, d => d.PhaseId == "phase-5");
    }

    [Theory]
    [InlineData(Role.Caseworker)]
    [InlineData(Role.Partner)]
    [InlineData(Role.Dpo)]
    public async Task Only_a_coordinator_changes_phases(Role role)
    {
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Maintain.SetPhaseAsync(new Caller("someone", role, "org"), PhaseId.From("phase-5"), Phase5, null, Cancel));
        Assert.DoesNotContain(store.Set.Phases, p => p.Id == "phase-5");
    }

    private static string Capitalise(string key) => string.Join('.', key.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
