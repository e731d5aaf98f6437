using FluentValidation;
using Microsoft.Extensions.Options;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Idempotency;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Documents;

/// <summary>
/// Files of a case go straight from the client to Blob storage through a URL that may create one upload
/// blob once (valet key); the API only describes them, then checks what arrived and keeps an accepted copy
/// out of every client's reach before it counts. A partner sees only what <see cref="DocumentSharing"/> allows.
/// </summary>
public sealed class CaseDocuments(
    CaseGate gate,
    IDocumentStore documents,
    IDocumentFiles files,
    IValidator<DocumentRequest> validator,
    IdempotentCreation idempotency,
    IOptions<DocumentOptions> options,
    ProgrammeClock clock)
{
    public async Task<UploadTicket> RequestUploadAsync(Caller caller, CaseId @case, DocumentRequest request, string rawBody,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        await gate.ReadAsync(caller, @case, CasePermissions.AddDocument, cancellationToken);
        var caseId = @case.Value;

        var described = await idempotency.RunAsync(caller, $"document:{caseId}", idempotencyKey, rawBody, async documentId =>
            await documents.TryCreateAsync(new CaseDocument
            {
                Id = documentId,
                CaseId = caseId,
                Type = Enum.Parse<DocumentType>(request.Type!),
                FileName = request.FileName!,
                ContentType = request.ContentType!,
                DeclaredSize = request.Size!.Value,
                BlobName = CaseDocument.BlobNameFor(caseId, documentId),
                UploadedBy = caller.UserId,
                UploaderOrganisationId = caller.OrganisationId,
                CreatedAt = clock.Now,
                SharedWithPartner = request.SharedWithPartner ?? DocumentSharing.SharedByDefault(Enum.Parse<DocumentType>(request.Type!), caller),
            }, cancellationToken)
            ?? await documents.FindAsync(caseId, documentId, cancellationToken)
            ?? throw new InvalidOperationException("A document that exists could not be read back."), cancellationToken);

        var expiresAt = clock.Now + options.Value.UploadUrlLifetime;
        var url = await files.UploadUrlAsync(described.Value.BlobName, expiresAt, cancellationToken);
        return new UploadTicket(described, url, expiresAt);
    }

    /// <summary>Checks the uploaded file: there, within the limit, really of the declared type. Otherwise deleted and rejected.</summary>
    public async Task<Versioned<CaseDocument>> CompleteAsync(Caller caller, CaseId @case, DocumentId file,
        CancellationToken cancellationToken)
    {
        await gate.ReadAsync(caller, @case, CasePermissions.CompleteDocument, cancellationToken, file.Value);
        var (caseId, documentId) = (@case.Value, file.Value);
        var document = await VisibleAsync(caller, caseId, documentId, cancellationToken);
        if (document.Value.Status != DocumentStatus.AwaitingUpload)
        {
            return document;
        }

        var max = options.Value.MaxSizeBytes;
        var inspection = await files.InspectAsync(document.Value.BlobName, max, cancellationToken);
        if (inspection is null)
        {
            throw new RuleViolationException("Nothing was uploaded for this document yet.",
                [new RuleFailure("upload-missing", "PUT the file to the upload URL first (ask for a new one if it expired).")]);
        }
        var rejection = DocumentChecks.Reject(document.Value, inspection, max);
        if (rejection is not null)
        {
            await files.DeleteUploadAsync(document.Value.BlobName, cancellationToken);
            await RecordAsync(document.Value with
            {
                Status = DocumentStatus.Rejected, RejectionReason = rejection, Size = inspection.Size, CompletedAt = clock.Now,
            }, document.ETag, cancellationToken);
            throw new RuleViolationException("The file was rejected and deleted.", [new RuleFailure("document-content", rejection)]);
        }

        var acceptedBlobName = CaseDocument.AcceptedBlobNameFor(caseId, documentId);
        try
        {
            await files.KeepAsync(new FileToKeep(document.Value.BlobName, inspection.Version, acceptedBlobName, inspection.Sha256!),
                cancellationToken);
        }
        catch (UploadChangedException)
        {
            // A completion running at the same time accepted it first (and deleted the upload), or the upload changed.
            return await AcceptedMeanwhileAsync(caseId, documentId, cancellationToken)
                ?? throw new RuleViolationException("The upload changed while it was checked.",
                    [new RuleFailure("upload-changed", "Complete the document again.")]);
        }
        // Recorded before the upload is deleted: a failure in between leaves a retry that finds the record.
        var accepted = await RecordAsync(document.Value with
        {
            Status = DocumentStatus.Accepted, Size = inspection.Size, Sha256 = inspection.Sha256, CompletedAt = clock.Now,
            AcceptedBlobName = acceptedBlobName,
        }, document.ETag, cancellationToken);
        await files.DeleteUploadAsync(document.Value.BlobName, cancellationToken);
        return accepted;
    }

    /// <summary>Writes the outcome over the version that was checked; when another completion wrote first, its record stands.</summary>
    private async Task<Versioned<CaseDocument>> RecordAsync(CaseDocument outcome, string checkedVersion, CancellationToken cancellationToken)
    {
        try
        {
            return await documents.ReplaceAsync(outcome, checkedVersion, cancellationToken);
        }
        catch (StaleVersionException)
        {
            var current = await documents.FindAsync(outcome.CaseId, outcome.Id, cancellationToken);
            if (current is { Value.Status: not DocumentStatus.AwaitingUpload })
            {
                return current;
            }
            throw;
        }
    }

    private async Task<Versioned<CaseDocument>?> AcceptedMeanwhileAsync(string caseId, string documentId, CancellationToken cancellationToken)
    {
        var current = await documents.FindAsync(caseId, documentId, cancellationToken);
        return current is { Value.Status: DocumentStatus.Accepted } ? current : null;
    }

    /// <summary>The document, when the caller may see it; a partner is told a document not shared with it does not exist.</summary>
    private async Task<Versioned<CaseDocument>> VisibleAsync(Caller caller, string caseId, string documentId, CancellationToken cancellationToken)
    {
        var document = await documents.FindAsync(caseId, documentId, cancellationToken);
        return document is not null && DocumentSharing.MaySee(caller, document.Value)
            ? document
            : throw new NotFoundException($"Document {documentId}");
    }

    public async Task<IReadOnlyList<CaseDocument>> ListAsync(Caller caller, CaseId caseId, CancellationToken cancellationToken)
    {
        await gate.ReadAsync(caller, caseId, CasePermissions.ListDocuments, cancellationToken);
        return (await documents.ListAsync(caseId.Value, cancellationToken)).Where(d => DocumentSharing.MaySee(caller, d)).ToList();
    }

    public async Task<DocumentDownload> GetAsync(Caller caller, CaseId @case, DocumentId file, CancellationToken cancellationToken)
    {
        await gate.ReadAsync(caller, @case, CasePermissions.ReadDocument, cancellationToken, file.Value);
        var (caseId, documentId) = (@case.Value, file.Value);
        var document = await VisibleAsync(caller, caseId, documentId, cancellationToken);
        if (document.Value is not { Status: DocumentStatus.Accepted, AcceptedBlobName: { } acceptedBlobName })
        {
            return new DocumentDownload(document, null, null);
        }
        var expiresAt = clock.Now + options.Value.ReadUrlLifetime;
        var url = await files.ReadUrlAsync(acceptedBlobName, document.Value.ContentType, DownloadNames.For(document.Value), expiresAt,
            cancellationToken);
        return new DocumentDownload(document, url, expiresAt);
    }
}

public sealed record UploadTicket(Versioned<CaseDocument> Document, Uri UploadUrl, DateTimeOffset ExpiresAt);

public sealed record DocumentDownload(Versioned<CaseDocument> Document, Uri? ReadUrl, DateTimeOffset? ExpiresAt);
