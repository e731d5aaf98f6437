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
/// Files of a case go straight from the client to Blob storage through a URL for one blob (valet
/// key); the API only describes them, then checks what arrived before it counts.
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
        var document = await documents.FindAsync(caseId, documentId, cancellationToken)
            ?? throw new NotFoundException($"Document {documentId}");
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
            await files.DeleteAsync(document.Value.BlobName, cancellationToken);
            await documents.ReplaceAsync(document.Value with
            {
                Status = DocumentStatus.Rejected, RejectionReason = rejection, Size = inspection.Size, CompletedAt = clock.Now,
            }, document.ETag, cancellationToken);
            throw new RuleViolationException("The file was rejected and deleted.", [new RuleFailure("document-content", rejection)]);
        }
        return await documents.ReplaceAsync(document.Value with
        {
            Status = DocumentStatus.Accepted, Size = inspection.Size, Sha256 = inspection.Sha256, CompletedAt = clock.Now,
        }, document.ETag, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseDocument>> ListAsync(Caller caller, CaseId caseId, CancellationToken cancellationToken)
    {
        await gate.ReadAsync(caller, caseId, CasePermissions.ListDocuments, cancellationToken);
        return await documents.ListAsync(caseId.Value, cancellationToken);
    }

    public async Task<DocumentDownload> GetAsync(Caller caller, CaseId @case, DocumentId file, CancellationToken cancellationToken)
    {
        await gate.ReadAsync(caller, @case, CasePermissions.ReadDocument, cancellationToken, file.Value);
        var (caseId, documentId) = (@case.Value, file.Value);
        var document = await documents.FindAsync(caseId, documentId, cancellationToken)
            ?? throw new NotFoundException($"Document {documentId}");
        if (document.Value.Status != DocumentStatus.Accepted)
        {
            return new DocumentDownload(document, null, null);
        }
        var expiresAt = clock.Now + options.Value.ReadUrlLifetime;
        var url = await files.ReadUrlAsync(document.Value.BlobName, document.Value.FileName, expiresAt, cancellationToken);
        return new DocumentDownload(document, url, expiresAt);
    }
}

public sealed record UploadTicket(Versioned<CaseDocument> Document, Uri UploadUrl, DateTimeOffset ExpiresAt);

public sealed record DocumentDownload(Versioned<CaseDocument> Document, Uri? ReadUrl, DateTimeOffset? ExpiresAt);
