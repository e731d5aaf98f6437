using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Tests.Cases;

namespace Reintegration.Core.Tests.Retention;

/// <summary>The retention job on a fake clock: exactly the cases due, once, and finished after a failure half-way.</summary>
public class RetentionJobTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly RetentionWorld world = new();

    private async Task<(Case Case, CaseDocument Identity, CaseDocument Receipt)> EndedAsync(DateTimeOffset on)
    {
        var arrived = await world.ArrivedWithFilesAsync(Cancel);
        await world.ChangeAsync(arrived.Case.Id, c => c.Withdraw(CaseJourney.Caseworker, on, "Moved to another city."), Cancel);
        return arrived;
    }

    [Fact]
    public async Task Exactly_the_cases_past_the_personal_data_period_are_anonymised_and_the_others_are_untouched()
    {
        var due = await EndedAsync(TestData.Now);
        var endedLater = await EndedAsync(TestData.Now.AddMonths(2));
        var open = await world.ArrivedWithFilesAsync(Cancel);
        world.Time.SetUtcNow(TestData.Now.AddMonths(24).AddDays(1));
        var untouched = world.Cases.Snapshot().Where(c => c.Key != due.Case.Id).ToDictionary();
        var untouchedDocuments = world.Documents.Snapshot().Where(d => d.Key is var id && id != due.Identity.Id && id != due.Receipt.Id).ToDictionary();

        var run = await world.Job.RunAsync(Cancel);

        Assert.Equal((1, 1, 0), (run.CasesRead, run.CasesAnonymised, run.Failures));
        var anonymised = await world.CaseAsync(due.Case.Id, Cancel);
        Assert.Equal(("", "", new DateOnly(1990, 1, 1)), (anonymised.Person.GivenName, anonymised.Person.FamilyName, anonymised.Person.DateOfBirth));
        Assert.Equal((RetentionStage.FinancialRecords, false), (anonymised.RetentionStage, anonymised.ErasureInProgress));
        Assert.Equal((ErasureReason.Retention, Case.SystemActor), (anonymised.Anonymisation!.Why, anonymised.Anonymisation.ById));
        Assert.Contains(anonymised.Timeline, t => t.Action == "anonymise" && t.ActorId == Case.SystemActor);
        // The identity document goes; the receipt stays for the funder's audit, under a neutral name.
        Assert.DoesNotContain(due.Identity.BlobName, world.Files.Blobs);
        Assert.Contains(due.Receipt.BlobName, world.Files.Blobs);
        var identity = await world.DocumentAsync(due.Identity, Cancel);
        var receipt = await world.DocumentAsync(due.Receipt, Cancel);
        Assert.Equal((DocumentStatus.Erased, $"identitydocument-{identity.Id}.jpg"), (identity.Status, identity.FileName));
        Assert.Equal((DocumentStatus.Accepted, $"receipt-{receipt.Id}.pdf"), (receipt.Status, receipt.FileName));
        // Nothing else changed: not the case that ended later, not the open one, nor their files.
        Assert.Equal(untouched, world.Cases.Snapshot().Where(c => c.Key != due.Case.Id).ToDictionary());
        Assert.Equal(untouchedDocuments, world.Documents.Snapshot().Where(d => d.Key is var id && id != due.Identity.Id && id != due.Receipt.Id).ToDictionary());
        Assert.Contains(endedLater.Identity.BlobName, world.Files.Blobs);
        Assert.Contains(open.Identity.BlobName, world.Files.Blobs);
    }

    [Fact]
    public async Task A_case_is_not_due_the_day_before_its_period_ends()
    {
        await EndedAsync(TestData.Now);
        world.Time.SetUtcNow(TestData.Now.AddMonths(24).AddDays(-1));

        var run = await world.Job.RunAsync(Cancel);

        Assert.Equal((0, 0), (run.CasesRead, run.CasesAnonymised));
    }

    [Fact]
    public async Task Running_twice_in_a_row_changes_nothing_the_second_time()
    {
        await EndedAsync(TestData.Now);
        await EndedAsync(TestData.Now.AddDays(3));
        world.Time.SetUtcNow(TestData.Now.AddMonths(25));
        var first = await world.Job.RunAsync(Cancel);
        var cases = world.Cases.Snapshot();
        var documents = world.Documents.Snapshot();
        var blobs = world.Files.Blobs.ToHashSet();

        var second = await world.Job.RunAsync(Cancel);

        Assert.Equal(2, first.CasesAnonymised);
        Assert.Equal((0, 0, 0), (second.CasesRead, second.CasesAnonymised, second.FilesErased));
        Assert.Equal(cases, world.Cases.Snapshot());
        Assert.Equal(documents, world.Documents.Snapshot());
        Assert.Equal(blobs, world.Files.Blobs.ToHashSet());
    }

    [Fact]
    public async Task A_file_deletion_that_fails_half_way_leaves_the_case_marked_and_the_next_run_finishes_it()
    {
        var due = await EndedAsync(TestData.Now);
        world.Time.SetUtcNow(TestData.Now.AddMonths(25));
        world.Files.FailOnceOn = due.Identity.BlobName;

        var failed = await world.Job.RunAsync(Cancel);

        Assert.Equal((1, 0), (failed.Failures, failed.CasesAnonymised));
        var marked = await world.CaseAsync(due.Case.Id, Cancel);
        Assert.True(marked.ErasureInProgress);
        Assert.Null(marked.Anonymisation);
        Assert.Equal(Core.Retention.RetentionAction.FinishErasure, Assert.Single((await world.Job.PreviewAsync(10, Cancel)).Items).Action);

        var finished = await world.Job.RunAsync(Cancel);

        Assert.Equal((1, 1, 0), (finished.CasesRead, finished.ErasuresFinished, finished.Failures));
        var anonymised = await world.CaseAsync(due.Case.Id, Cancel);
        Assert.Equal((false, "", RetentionStage.FinancialRecords), (anonymised.ErasureInProgress, anonymised.Person.GivenName, anonymised.RetentionStage));
        Assert.DoesNotContain(due.Identity.BlobName, world.Files.Blobs);
        Assert.Single(anonymised.Timeline, t => t.Action == "anonymise");
        Assert.Equal(0, (await world.Job.RunAsync(Cancel)).CasesRead);
    }

    [Fact]
    public async Task After_the_funders_audit_period_the_files_kept_for_it_go_too_and_nothing_is_left_to_do()
    {
        var due = await EndedAsync(TestData.Now);
        world.Time.SetUtcNow(TestData.Now.AddMonths(25));
        await world.Job.RunAsync(Cancel);
        world.Time.SetUtcNow(TestData.Now.AddYears(7).AddDays(-1));
        Assert.Equal(0, (await world.Job.RunAsync(Cancel)).CasesRead);
        world.Time.SetUtcNow(TestData.Now.AddYears(7).AddDays(1));

        var run = await world.Job.RunAsync(Cancel);

        Assert.Equal((1, 1), (run.FinancialFilesDeleted, run.FilesErased));
        Assert.DoesNotContain(due.Receipt.BlobName, world.Files.Blobs);
        var done = await world.CaseAsync(due.Case.Id, Cancel);
        Assert.Equal(RetentionStage.Complete, done.RetentionStage);
        Assert.NotNull(done.FinancialFilesErasedAt);
        // The amounts stay for statistics; the description of what was bought does not.
        Assert.Equal((100m, ""), (done.Spending[0].AmountEur, done.Spending[0].Description));
        Assert.Equal(DocumentStatus.Erased, (await world.DocumentAsync(due.Receipt, Cancel)).Status);
    }

    [Fact]
    public async Task The_preview_names_what_the_next_run_would_do_and_changes_nothing()
    {
        var due = await EndedAsync(TestData.Now);
        await EndedAsync(TestData.Now.AddMonths(3));
        world.Time.SetUtcNow(TestData.Now.AddMonths(25));
        var before = world.Cases.Snapshot();

        var (items, more) = await world.Job.PreviewAsync(10, Cancel);

        var item = Assert.Single(items);
        Assert.Equal((due.Case.Id, Core.Retention.RetentionAction.Anonymise, new DateOnly(2028, 3, 10), false),
            (item.CaseId, item.Action, item.DueOn, more));
        Assert.Equal(before, world.Cases.Snapshot());
    }
}
