using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Sync;

namespace Reintegration.Functions;

public sealed class CasesFunctions(HttpEndpoint endpoint, CaseQueries cases, CaseSync sync)
{
    [Function("GetCase")]
    [ApiOperation("One case as the caller's role sees it, with the actions the caller may take.", Permission = nameof(CasePermissions.View), Response = typeof(CaseView), Answer = Answer.Versioned)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest request,
        string caseId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
            Responses.Versioned(request, await cases.GetAsync(caller, RouteIds.Case(caseId), cancellationToken), c => CaseView.For(caller, c)));

    /// <summary>The caller's cases, filtered; or, with changedSince, what changed since a delta token. Every answer carries a new one.</summary>
    [Function("ListCases")]
    [ApiOperation("The cases in the caller's scope.", Permission = nameof(CasePermissions.List), Response = typeof(CaseView), Shape = Shape.Page,
        Envelope = typeof(CaseListView), Query = [QueryParameters.Status, QueryParameters.Country, QueryParameters.Name, QueryParameters.DateOfBirth, QueryParameters.ChangedSince])]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var (words, born) = CaseSearchQuery.Read(request, caller);
            var filter = new CaseFilter(QueryReader.Enum<CaseStatus>(request, "status"), QueryReader.CountryCode(request, "country"), words, born);
            var page = QueryReader.Page(request);
            var (storeToken, firstStamp) = DeltaTokens.ReadContinuation(page.ContinuationToken);
            page = page with { ContinuationToken = storeToken };
            var changedSince = request.Query["changedSince"].ToString();
            if (changedSince.Length == 0)
            {
                var (listed, stamp) = await sync.ListAsync(caller, filter, page, firstStamp, cancellationToken);
                return Responses.Ok(new CaseListView(listed.Items.Select(c => CaseView.For(caller, c.Value)).ToList(), null,
                    DeltaTokens.Continue(listed.ContinuationToken, stamp), DeltaTokens.For(caller, stamp)));
            }
            if (filter != new CaseFilter(null, null))
            {
                throw RequestValidationException.ForField("changedSince", "A delta covers the whole listing: send it without status, country, name or dateOfBirth.");
            }
            var since = DeltaTokens.Read(caller, changedSince, "changedSince");
            var (changed, removed, next) = await sync.ChangedSinceAsync(caller, since, page, firstStamp, cancellationToken);
            return Responses.Ok(new CaseListView(changed.Items.Select(c => CaseView.For(caller, c.Value)).ToList(), removed,
                DeltaTokens.Continue(changed.ContinuationToken, next), DeltaTokens.For(caller, next)));
        });
}
