using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
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
    [ApiOperation("Registers a document and answers a short-lived upload URL.", Permission = nameof(CasePermissions.AddDocument), Requests = [typeof(DocumentRequest)], Response = typeof(UploadTicketView), AlsoAnswers = [typeof(PartnerUploadTicketView)], Answer = Answer.Created, IdempotencyKey = true, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> RequestUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/documents")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<DocumentRequest>(request, cancellationToken);
            var ticket = await documents.RequestUploadAsync(caller, RouteIds.Case(caseId), body.Value, body.Raw, IdempotencyKey.From(request), cancellationToken);
            return Responses.Created(DocumentView.Location(ticket.Document.Value), ticket.Document, _ => UploadTicketView.From(caller, ticket));
        });

    [Function("CompleteDocumentUpload")]
    [ApiOperation("Checks the uploaded file and accepts or rejects it.", Permission = nameof(CasePermissions.CompleteDocument), Response = typeof(DocumentView), AlsoAnswers = [typeof(PartnerDocumentView)], Answer = Answer.Versioned, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/documents/{documentId}/complete")] HttpRequest request,
        string caseId, string documentId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Versioned(request, await documents.CompleteAsync(caller, RouteIds.Case(caseId), RouteIds.Document(documentId), cancellationToken), DocumentView.For(caller)));

    [Function("ListDocuments")]
    [ApiOperation("The documents of the case.", Permission = nameof(CasePermissions.ListDocuments), Response = typeof(DocumentView), AlsoAnswers = [typeof(PartnerDocumentView)], Shape = Shape.List)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Ok((await documents.ListAsync(caller, RouteIds.Case(caseId), cancellationToken)).Select(DocumentView.For(caller)).ToList()));

    [Function("GetDocument")]
    [ApiOperation("One document with a short-lived read URL.", Permission = nameof(CasePermissions.ReadDocument), Response = typeof(DownloadView), AlsoAnswers = [typeof(PartnerDownloadView)], Problems = [ProblemTypes.Conflict])]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/documents/{documentId}")] HttpRequest request,
        string caseId, string documentId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            // Not cached with ETags: each answer carries a fresh short-lived read URL.
            var download = await documents.GetAsync(caller, RouteIds.Case(caseId), RouteIds.Document(documentId), cancellationToken);
            return Responses.Ok(DownloadView.From(caller, download));
        });
}
