using FluentValidation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Gate;
using Reintegration.Core.Retention;
using Reintegration.Core.Spending;
using Reintegration.Core.Tests.Cases;
using Reintegration.Core.Time;

namespace Reintegration.Core.Tests.Retention;

/// <summary>Cases, documents and files in memory, the retention job and erasure on a fake clock.</summary>
internal sealed class RetentionWorld
{
    public FakeTimeProvider Time { get; } = new(TestData.Now);
    public InMemoryCaseStore Cases { get; } = new();
    public InMemoryDocumentStore Documents { get; } = new();
    public InMemoryDocumentFiles Files { get; } = new();
    public InMemoryAccessLog AccessLog { get; } = new();
    public RetentionOptions Options { get; } = new();

    private ProgrammeClock Clock => new(Time, ProgrammeClock.DefaultZone);

    private CaseErasure Erasure => new(new SystemCaseChanges(Cases), Documents, Files, Clock);

    public RetentionJob Job => new(Cases, Erasure, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<RetentionJob>.Instance);

    public ErasureRequests Requests => new(new CaseGate(Cases, AccessLog, Clock), Erasure, Documents, new ErasureRequestValidator(),
        Microsoft.Extensions.Options.Options.Create(Options), Clock);

    /// <summary>An arrived case with a spending proven by a receipt, an identity document, and both files uploaded; stored.</summary>
    public async Task<(Case Case, CaseDocument Identity, CaseDocument Receipt)> ArrivedWithFilesAsync(CancellationToken cancellationToken)
    {
        var @case = CaseJourney.In(CaseStatus.Arrived, Guid.NewGuid().ToString("D"));
        var receipt = await DocumentAsync(@case.Id, DocumentType.Receipt, "receipt ama mensah.pdf", cancellationToken);
        var identity = await DocumentAsync(@case.Id, DocumentType.IdentityDocument, "passport ama mensah.jpg", cancellationToken);
        var line = @case.ApprovedPlan!.BudgetLines[0];
        @case.RecordSpending(CaseJourney.Partner, Time.GetUtcNow(), new SpendingRecord
        {
            Id = Guid.NewGuid().ToString("D"), BudgetLineId = line.Id, SupportArea = line.Area, PaidOn = CaseJourney.Today,
            AmountPaid = 1200m, Currency = "GHS", ExchangeRate = 12m, AmountEur = 100m, Description = "Sewing machine for Ama",
            ReceiptDocumentId = receipt.Id, Status = SpendingStatus.Proven, RecordedAt = Time.GetUtcNow(), RecordedBy = "partner-user-1",
        });
        await Cases.TryCreateAsync(@case, cancellationToken);
        return (@case, identity, receipt);
    }

    /// <summary>Stores the case after the change (a transition a person makes).</summary>
    public async Task ChangeAsync(string caseId, Action<Case> change, CancellationToken cancellationToken)
    {
        var current = (await Cases.FindAsync(Ids.CaseId.From(caseId), cancellationToken))!;
        change(current.Value);
        await Cases.ReplaceAsync(current.Value, current.ETag, cancellationToken);
    }

    public async Task<Case> CaseAsync(string caseId, CancellationToken cancellationToken) =>
        (await Cases.FindAsync(Ids.CaseId.From(caseId), cancellationToken))!.Value;

    public async Task<CaseDocument> DocumentAsync(CaseDocument document, CancellationToken cancellationToken) =>
        (await Documents.FindAsync(document.CaseId, document.Id, cancellationToken))!.Value;

    private async Task<CaseDocument> DocumentAsync(string caseId, DocumentType type, string fileName, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("D");
        var document = new CaseDocument
        {
            Id = id, CaseId = caseId, Type = type, FileName = fileName,
            ContentType = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? FileSignatures.Pdf : FileSignatures.Jpeg,
            DeclaredSize = 100, BlobName = CaseDocument.BlobNameFor(caseId, id), UploadedBy = "partner-user-1",
            UploaderOrganisationId = "partner-gh-1", CreatedAt = Time.GetUtcNow(), Status = DocumentStatus.Accepted, Size = 100,
        };
        await Documents.TryCreateAsync(document, cancellationToken);
        Files.Add(document.BlobName);
        return document;
    }
}
