using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Documents;

namespace Reintegration.Functions;

/// <summary>Documents of a case: an upload URL for the client, the server's check of what arrived, and short-lived read URLs.</summary>
public sealed class DocumentsFunctions(HttpEndpoint endpoint, RequestReader reader, CaseDocuments documents)
{
    [Function("RequestDocumentUpload")]
    public Task<IActionResult> RequestUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/documents")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<DocumentRequest>(request, cancellationToken);
            var ticket = await documents.RequestUploadAsync(caller, RouteIds.Case(caseId), body.Value, body.Raw, IdempotencyKey.From(request), cancellationToken);
            return Responses.Created(DocumentView.Location(ticket.Document.Value), ticket.Document, _ => UploadTicketView.From(ticket));
        });

    [Function("CompleteDocumentUpload")]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/documents/{documentId}/complete")] HttpRequest request,
        string caseId, string documentId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Versioned(request, await documents.CompleteAsync(caller, RouteIds.Case(caseId), RouteIds.Document(documentId), cancellationToken), DocumentView.From));

    [Function("ListDocuments")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok((await documents.ListAsync(caller, RouteIds.Case(caseId), cancellationToken)).Select(DocumentView.From).ToList()));

    [Function("GetDocument")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents/{documentId}")] HttpRequest request,
        string caseId, string documentId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            // Not cached with ETags: each answer carries a fresh short-lived read URL.
            var download = await documents.GetAsync(caller, RouteIds.Case(caseId), RouteIds.Document(documentId), cancellationToken);
            return Responses.Ok(DownloadView.From(download));
        });
}
