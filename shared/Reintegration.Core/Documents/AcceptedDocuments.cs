using Reintegration.Core.Access;
using Reintegration.Core.Errors;

namespace Reintegration.Core.Documents;

public static class AcceptedDocuments
{
    /// <summary>
    /// The document, when it is a completed (checked) document of this case that the caller may see, of the type asked for
    /// if any; else 422 (a partner cannot cite a document not shared with it, and learns no more than that it cannot).
    /// </summary>
    public static async Task<CaseDocument> RequireAsync(Caller caller, IDocumentStore documents, string caseId, string documentId,
        DocumentType? type, CancellationToken cancellationToken)
    {
        var document = await documents.FindAsync(caseId, documentId, cancellationToken);
        if (document is not { Value.Status: DocumentStatus.Accepted } || (type is not null && document.Value.Type != type)
            || !DocumentSharing.MaySee(caller, document.Value))
        {
            throw new RuleViolationException("The document is not an accepted document of this case.",
                [new RuleFailure("document", $"'{documentId}' must be a completed{(type is null ? "" : $" {type}")} document of this case.")]);
        }
        return document.Value;
    }
}
