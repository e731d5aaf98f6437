using Reintegration.Azure.Tests.Support;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests.Documents;

public sealed class DocumentStoreTests(StandInsFixture standIns) : AdapterTest(standIns)
{
    private static CaseDocument Document(string caseId, string? id = null, DateTimeOffset? createdAt = null)
    {
        var documentId = id ?? $"document-{Guid.NewGuid():N}";
        return new CaseDocument
        {
            Id = documentId,
            CaseId = caseId,
            Type = DocumentType.ConsentForm,
            FileName = "consent form.pdf",
            ContentType = FileSignatures.Pdf,
            DeclaredSize = 12_345,
            BlobName = CaseDocument.BlobNameFor(caseId, documentId),
            UploadedBy = "user-1",
            UploaderOrganisationId = "org-ref-demo",
            CreatedAt = createdAt ?? TestCases.Now,
        };
    }

    [Fact]
    public async Task A_created_document_is_found_under_its_case_with_every_field()
    {
        var store = Get<IDocumentStore>();
        var document = Document("case-1");

        var created = await store.TryCreateAsync(document, Cancellation);
        var found = await store.FindAsync("case-1", document.Id, Cancellation);

        Assert.Equal(document, created!.Value);
        Assert.Equal(document, found!.Value);
        Assert.Equal(created.ETag, found.ETag);
        Assert.Matches("^\"[^\"]+\"$", found.ETag);
    }

    [Fact]
    public async Task Creating_a_document_whose_id_exists_answers_null_and_changes_nothing()
    {
        var store = Get<IDocumentStore>();
        var document = Document("case-1");
        var created = await store.TryCreateAsync(document, Cancellation);

        Assert.Null(await store.TryCreateAsync(document with { FileName = "other.pdf" }, Cancellation));

        var found = (await store.FindAsync("case-1", document.Id, Cancellation))!;
        Assert.Equal(document, found.Value);
        Assert.Equal(created!.ETag, found.ETag);
    }

    [Fact]
    public async Task A_document_is_not_found_under_another_case_id()
    {
        var store = Get<IDocumentStore>();
        var document = Document("case-1");
        await store.TryCreateAsync(document, Cancellation);

        Assert.Null(await store.FindAsync("case-2", document.Id, Cancellation));
        Assert.Null(await store.FindAsync("case-1", "document-missing", Cancellation));
        Assert.Empty(await store.ListAsync("case-2", Cancellation));
    }

    [Fact]
    public async Task Replacing_with_the_current_etag_records_the_check_and_with_a_stale_one_throws()
    {
        var store = Get<IDocumentStore>();
        var created = (await store.TryCreateAsync(Document("case-1"), Cancellation))!;
        var accepted = created.Value with
        {
            Status = DocumentStatus.Accepted,
            Size = 12_345,
            Sha256 = new string('a', 64),
            CompletedAt = TestCases.Now.AddMinutes(5),
        };

        var replaced = await store.ReplaceAsync(accepted, created.ETag, Cancellation);
        var thrown = await Assert.ThrowsAsync<StaleVersionException>(() =>
            store.ReplaceAsync(created.Value with { Status = DocumentStatus.Rejected, RejectionReason = "late" }, created.ETag, Cancellation));

        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(replaced.ETag, thrown.CurrentETag);
        var found = (await store.FindAsync("case-1", created.Value.Id, Cancellation))!;
        Assert.Equal(accepted, found.Value);
        Assert.Equal(replaced.ETag, found.ETag);
    }

    [Fact]
    public async Task Listing_answers_the_cases_documents_oldest_first_and_no_others()
    {
        var store = Get<IDocumentStore>();
        var third = Document("case-1", createdAt: TestCases.Now.AddMinutes(3));
        var first = Document("case-1", createdAt: TestCases.Now.AddMinutes(1));
        var second = Document("case-1", createdAt: TestCases.Now.AddMinutes(2));
        var otherCase = Document("case-2", createdAt: TestCases.Now);
        foreach (var d in new[] { third, otherCase, first, second })
        {
            await store.TryCreateAsync(d, Cancellation);
        }

        var listed = await store.ListAsync("case-1", Cancellation);

        Assert.Equal([first, second, third], listed);
        Assert.Equal([otherCase], await store.ListAsync("case-2", Cancellation));
    }

    [Fact]
    public async Task Two_cases_may_hold_documents_with_the_same_id_without_seeing_each_other()
    {
        var store = Get<IDocumentStore>();
        var ofCase1 = Document("case-1", "document-1");
        var ofCase2 = Document("case-2", "document-1") with { FileName = "passport.jpg", ContentType = FileSignatures.Jpeg };

        Assert.NotNull(await store.TryCreateAsync(ofCase1, Cancellation));
        Assert.NotNull(await store.TryCreateAsync(ofCase2, Cancellation));

        Assert.Equal(ofCase1, (await store.FindAsync("case-1", "document-1", Cancellation))!.Value);
        Assert.Equal(ofCase2, (await store.FindAsync("case-2", "document-1", Cancellation))!.Value);
    }
}
