using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Referrals;

namespace Reintegration.Core.Tests.Gate;

public class CaseGateTests
{
    private static readonly Caller Caseworker = TestData.Caseworker() with { CorrelationId = "trace-1" };
    private static readonly Caller OtherCaseworker = TestData.Caseworker("org-ref-other");
    private static readonly Caller Partner = new("partner-user-1", Role.Partner, "partner-gh-1");
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly InMemoryCaseStore store = new();
    private readonly InMemoryAccessLog accessLog = new();
    private readonly CaseId caseId = CaseId.New();

    private CaseGate Gate => new(store, accessLog, TestData.Clock());

    private async Task<Case> ReferredAsync()
    {
        var referred = Case.Refer(caseId.Value, Caseworker, TestData.Now, new DateOnly(2026, 3, 10), TestData.ValidReferral(),
            TargetGroup.AsylumProcedureExhausted, "phase-4");
        await Gate.CreateAsync(Caseworker, referred, Cancel);
        return referred;
    }

    [Fact]
    public async Task A_read_reads_the_case_once_and_records_who_read_it_before_answering()
    {
        await ReferredAsync();
        var readsBefore = store.Reads;

        var read = await Gate.ReadAsync(Caseworker, caseId, CasePermissions.View, Cancel);

        Assert.Equal(caseId.Value, read.Value.Id);
        Assert.Equal(1, store.Reads - readsBefore);
        var record = accessLog.Records.Last();
        Assert.Equal((caseId.Value, "user-1", "caseworker", "org-ref-demo", "view-case", true, "trace-1"),
            (record.CaseId, record.ActorId, record.ActorRole, record.ActorOrganisationId, record.What, record.Allowed, record.CorrelationId));
    }

    [Fact]
    public async Task A_case_outside_the_scope_is_not_found_and_the_refusal_is_recorded()
    {
        await ReferredAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Gate.ReadAsync(OtherCaseworker, caseId, CasePermissions.View, Cancel));

        var record = accessLog.Records.Last();
        Assert.Equal(("org-ref-other", false), (record.ActorOrganisationId, record.Allowed));
    }

    [Fact]
    public async Task A_role_the_table_does_not_list_is_forbidden_and_recorded()
    {
        await ReferredAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Gate.ReadAsync(Caseworker, caseId, CasePermissions.Export, Cancel));

        Assert.Equal(("export", false), (accessLog.Records.Last().What, accessLog.Records.Last().Allowed));
    }

    [Fact]
    public async Task Nothing_is_answered_when_the_access_cannot_be_recorded()
    {
        await ReferredAsync();
        accessLog.Failing = true;

        await Assert.ThrowsAsync<IOException>(() => Gate.ReadAsync(Caseworker, caseId, CasePermissions.View, Cancel));
    }

    [Fact]
    public async Task A_change_without_If_Match_or_on_a_stale_version_writes_nothing()
    {
        await ReferredAsync();
        var coordinator = new Caller("coordinator-1", Role.Coordinator, "org-coordination");
        var current = await Gate.ReadAsync(coordinator, caseId, CasePermissions.View, Cancel);

        await Assert.ThrowsAsync<PreconditionRequiredException>(() => Gate.ChangeAsync(coordinator, caseId,
            CasePermissions.Act(CaseAction.Accept), null, c => { c.Accept(coordinator, TestData.Now, null); return Task.CompletedTask; }, Cancel));
        await Assert.ThrowsAsync<StaleVersionException>(() => Gate.ChangeAsync(coordinator, caseId,
            CasePermissions.Act(CaseAction.Accept), "\"0\"", c => { c.Accept(coordinator, TestData.Now, null); return Task.CompletedTask; }, Cancel));

        Assert.Equal(current.ETag, (await Gate.ReadAsync(coordinator, caseId, CasePermissions.View, Cancel)).ETag);
    }

    [Fact]
    public async Task A_partner_does_not_see_a_case_whose_consent_was_withdrawn_until_it_is_given_again()
    {
        var assigned = Tests.Cases.CaseJourney.In(CaseStatus.PartnerAssigned, caseId.Value);
        await store.TryCreateAsync(assigned, Cancel);
        await Gate.ReadAsync(Partner, caseId, CasePermissions.View, Cancel);

        await Gate.ChangeAsync(Caseworker, caseId, CasePermissions.WithdrawConsent, (await store.FindAsync(caseId, Cancel))!.ETag,
            c => { c.WithdrawConsent(Caseworker, TestData.Now, new DateOnly(2026, 3, 10), "Verbal", "The person asked."); return Task.CompletedTask; }, Cancel);

        await Assert.ThrowsAsync<NotFoundException>(() => Gate.ReadAsync(Partner, caseId, CasePermissions.View, Cancel));
        var paused = (await store.FindAsync(caseId, Cancel))!.Value;
        Assert.Contains(paused.PendingNotifications, n => n.Kind == Core.Monitoring.AlertKind.CasePaused && n.PartnerId == "partner-gh-1");

        await Gate.ChangeAsync(Caseworker, caseId, CasePermissions.GiveConsent, (await store.FindAsync(caseId, Cancel))!.ETag,
            c => { c.GiveConsent(Caseworker, TestData.Now, new DateOnly(2026, 3, 11), "SignedForm", null); return Task.CompletedTask; }, Cancel);
        await Gate.ReadAsync(Partner, caseId, CasePermissions.View, Cancel);
        var history = (await store.FindAsync(caseId, Cancel))!.Value.ConsentHistory;
        Assert.Equal([ConsentChangeKind.Given, ConsentChangeKind.Withdrawn, ConsentChangeKind.Given], history.Select(h => h.Kind));
    }
}
