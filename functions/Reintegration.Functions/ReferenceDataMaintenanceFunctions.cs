using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Functions;

/// <summary>Coordinators add, suspend and reactivate countries and add or update partner organisations.</summary>
public sealed class ReferenceDataMaintenanceFunctions(HttpEndpoint endpoint, RequestReader reader, MaintainReferenceData maintain)
{
    [Function("SetCountry")]
    public Task<IActionResult> SetCountry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "countries/{code}")] HttpRequest request,
        string code, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<CountryRequest>(request, cancellationToken);
            var saved = await maintain.SetCountryAsync(caller, code, body.Value, Preconditions.IfMatch(request), cancellationToken);
            return Responses.Saved(request, $"/api/countries/{code}", saved, c => c);
        });

    [Function("SetPartner")]
    public Task<IActionResult> SetPartner(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "partners/{partnerId}")] HttpRequest request,
        string partnerId, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<PartnerRequest>(request, cancellationToken);
            var saved = await maintain.SetPartnerAsync(caller, partnerId, body.Value, Preconditions.IfMatch(request), cancellationToken);
            return Responses.Saved(request, $"/api/partners/{partnerId}", saved, PartnerView.From);
        });
}
