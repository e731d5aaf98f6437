using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Functions;

/// <summary>One country or partner with its ETag, so a coordinator can change it.</summary>
public sealed class ReferenceDataItemFunctions(HttpEndpoint endpoint, ReferenceDataQueries referenceData)
{
    [Function("GetCountry")]
    public Task<IActionResult> GetCountry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "countries/{code}")] HttpRequest request,
        string code, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ =>
            Responses.Versioned(request, await referenceData.CountryAsync(code, cancellationToken), c => c));

    [Function("GetPartner")]
    public Task<IActionResult> GetPartner(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "partners/{partnerId}")] HttpRequest request,
        string partnerId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ =>
            Responses.Versioned(request, await referenceData.PartnerAsync(partnerId, cancellationToken), PartnerView.From));
}
