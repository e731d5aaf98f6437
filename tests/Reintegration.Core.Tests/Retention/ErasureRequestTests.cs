using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Ids;
using Reintegration.Core.Retention;
using Reintegration.Core.Tests.Cases;

namespace Reintegration.Core.Tests.Retention;

/// <summary>Erasure on the DPO's request: holds, at once, the same outcome when asked again.</summary>
public class ErasureRequestTests
{
    private static readonly Caller Dpo = new("dpo-1", Role.Dpo, "org-coordination");
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly RetentionWorld world = new();

    private static ErasureRequest Request(string scope) => new() { Reason = "Request of the data subject, letter of 2 May", Scope = scope };

    private async Task<(Case Case, Core.Documents.CaseDocument Identity, Core.Documents.CaseDocument Receipt)> EndedAsync()
    {
        var arrived = await world.ArrivedWithFilesAsync(Cancel);
        await world.ChangeAsync(arrived.Case.Id, c => c.Withdraw(CaseJourney.Caseworker, TestData.Now, "Moved on."), Cancel);
        return arrived;
    }

    [Fact]
    public async Task An_open_case_is_held()
    {
        var (open, _, _) = await world.ArrivedWithFilesAsync(Cancel);

        var held = await Assert.ThrowsAsync<ErasureHeldException>(() =>
            world.Requests.EraseAsync(Dpo, CaseId.From(open.Id), Request(ErasureRequest.PersonalData), Cancel));

        Assert.Equal([ErasureRequests.OpenCase], held.Holds);
        Assert.False((await world.CaseAsync(open.Id, Cancel)).ErasureInProgress);
    }

    [Fact]
    public async Task Everything_is_held_while_the_funders_audit_period_runs_and_allowed_after_it()
    {
        var (ended, _, receipt) = await EndedAsync();

        var held = await Assert.ThrowsAsync<ErasureHeldException>(() =>
            world.Requests.EraseAsync(Dpo, CaseId.From(ended.Id), Request(ErasureRequest.Everything), Cancel));
        Assert.Equal([ErasureRequests.FinancialRetention], held.Holds);
        Assert.Contains(receipt.BlobName, world.Files.Blobs);

        world.Time.SetUtcNow(TestData.Now.AddYears(7).AddDays(1));
        var outcome = await world.Requests.EraseAsync(Dpo, CaseId.From(ended.Id), Request(ErasureRequest.Everything), Cancel);

        Assert.Equal(ErasureRequest.Everything, outcome.Erased);
        Assert.DoesNotContain(receipt.BlobName, world.Files.Blobs);
    }

    [Fact]
    public async Task Personal_data_is_erased_at_once_and_asking_again_answers_the_same_outcome_without_a_change()
    {
        var (ended, identity, receipt) = await EndedAsync();

        var first = await world.Requests.EraseAsync(Dpo, CaseId.From(ended.Id), Request(ErasureRequest.PersonalData), Cancel);
        var stored = world.Cases.Snapshot();
        var again = await world.Requests.EraseAsync(Dpo, CaseId.From(ended.Id), Request(ErasureRequest.PersonalData), Cancel);

        Assert.Equal(first, again);
        Assert.Equal(stored, world.Cases.Snapshot());
        Assert.Equal((ErasureRequest.PersonalData, ErasureReason.ErasureRequest), (first.Erased, first.AnonymisedFor));
        var erased = await world.CaseAsync(ended.Id, Cancel);
        Assert.Equal(("", "dpo-1", "Request of the data subject, letter of 2 May"),
            (erased.Person.FamilyName, erased.Anonymisation!.ById, erased.Anonymisation.Reason));
        Assert.Contains(erased.Timeline, t => t.Action == "anonymise" && t.ActorId == "dpo-1" && t.ActorRole == "dpo");
        Assert.DoesNotContain(identity.BlobName, world.Files.Blobs);
        Assert.Contains(receipt.BlobName, world.Files.Blobs);
        Assert.All(world.AccessLog.Records.Where(r => r.CaseId == ended.Id), r => Assert.Equal(("erase", true), (r.What, r.Allowed)));
    }

    [Fact]
    public async Task A_file_under_the_storage_lock_does_not_hold_back_the_anonymisation_and_is_deleted_by_a_later_run()
    {
        var (ended, identity, _) = await EndedAsync();
        world.Files.Locked.Add(identity.BlobName);

        var outcome = await world.Requests.EraseAsync(Dpo, CaseId.From(ended.Id), Request(ErasureRequest.PersonalData), Cancel);

        Assert.True(outcome.FilesPending);
        Assert.NotNull(outcome.AnonymisedAt);
        var anonymised = await world.CaseAsync(ended.Id, Cancel);
        Assert.Equal(("", ""), (anonymised.Person.GivenName, anonymised.Person.FamilyName));
        Assert.True(anonymised.ErasureInProgress);
        Assert.Contains(identity.BlobName, world.Files.Blobs);
        Assert.Equal(Core.Documents.DocumentStatus.Accepted, (await world.DocumentAsync(identity, Cancel)).Status);
        Assert.DoesNotContain("ama", (await world.DocumentAsync(identity, Cancel)).FileName, StringComparison.OrdinalIgnoreCase);

        var whileLocked = await world.Job.RunAsync(Cancel);
        Assert.Equal((1, 0, 0), (whileLocked.FilesLocked, whileLocked.ErasuresFinished, whileLocked.Failures));

        world.Files.Locked.Clear();
        var afterLock = await world.Job.RunAsync(Cancel);

        Assert.Equal((1, 1), (afterLock.ErasuresFinished, afterLock.FilesErased));
        Assert.DoesNotContain(identity.BlobName, world.Files.Blobs);
        var done = await world.CaseAsync(ended.Id, Cancel);
        Assert.False(done.ErasureInProgress);
        Assert.Single(done.Timeline, t => t.Action == "anonymise");
        Assert.False((await world.Requests.EraseAsync(Dpo, CaseId.From(ended.Id), Request(ErasureRequest.PersonalData), Cancel)).FilesPending);
    }

    [Fact]
    public async Task Only_the_dpo_erases_and_a_refusal_changes_nothing()
    {
        var (ended, _, _) = await EndedAsync();
        var stored = world.Cases.Snapshot();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            world.Requests.EraseAsync(new Caller("coordinator-1", Role.Coordinator, "org-coordination"), CaseId.From(ended.Id),
                Request(ErasureRequest.PersonalData), Cancel));

        Assert.Equal(stored, world.Cases.Snapshot());
        Assert.False(Assert.Single(world.AccessLog.Records).Allowed);
    }
}
