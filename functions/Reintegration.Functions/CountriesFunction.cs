using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Functions;

public sealed class CountriesFunction(HttpEndpoint endpoint, ReferenceDataQueries referenceData)
{
    /// <summary>Public: the active countries of return and whether a partner is available there.</summary>
    [Function("ListCountries")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "countries")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AnonymousAsync(request, async () => Responses.Ok(await referenceData.ActiveCountriesAsync(cancellationToken)));
}
