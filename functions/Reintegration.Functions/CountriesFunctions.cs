using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Functions;

/// <summary>The countries of return; coordinators add, suspend and reactivate them.</summary>
public sealed class CountriesFunctions(HttpEndpoint endpoint, RequestReader reader, ReferenceDataQueries referenceData, MaintainReferenceData maintain)
{
    /// <summary>Public: the active countries of return and whether a partner is available there.</summary>
    [Function("ListCountries")]
    [ApiOperation("The active countries of return and whether a partner is available there.", Anonymous = true, Response = typeof(CountryAvailability), Shape = Shape.List)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "countries")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AnonymousAsync(request, async () => Responses.Ok(await referenceData.ActiveCountriesAsync(cancellationToken)));

    /// <summary>One country with its ETag, so a coordinator can change it.</summary>
    [Function("GetCountry")]
    [ApiOperation("One country of return, with its ETag.", Response = typeof(Country), Answer = Answer.Versioned)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "countries/{code}")] HttpRequest request,
        string code, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async _ =>
            Responses.Versioned(request, await referenceData.CountryAsync(RouteIds.Country(code), cancellationToken), c => c));

    [Function("SetCountry")]
    [ApiOperation("Adds, suspends or reactivates a country of return.", Roles = [Role.Coordinator], Requests = [typeof(CountryRequest)], Response = typeof(Country), Answer = Answer.Saved, IfMatch = IfMatch.Optional, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict])]
    public Task<IActionResult> Set(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "countries/{code}")] HttpRequest request,
        string code, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<CountryRequest>(request, cancellationToken);
            var saved = await maintain.SetCountryAsync(caller, RouteIds.Country(code), body.Value, Preconditions.IfMatch(request), cancellationToken);
            return Responses.Saved(request, $"/api/countries/{code}", saved, c => c);
        });
}
