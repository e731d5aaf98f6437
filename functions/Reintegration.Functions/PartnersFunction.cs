using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Functions;

public sealed class PartnersFunction(HttpEndpoint endpoint, ReferenceDataQueries referenceData)
{
    [Function("ListPartners")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "partners")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ =>
            Responses.Ok((await referenceData.PartnersAsync(cancellationToken)).Select(PartnerView.From).ToList()));
}
