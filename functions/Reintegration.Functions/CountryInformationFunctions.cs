using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Functions;

/// <summary>What the programme tells people considering return to a country, in their language; coordinators maintain it.</summary>
public sealed class CountryInformationFunctions(HttpEndpoint endpoint, RequestReader reader, CountryInformationService information)
{
    /// <summary>Public. <c>lang</c>, else Accept-Language, else English.</summary>
    [Function("GetCountryInformation")]
    [ApiOperation("What the programme tells people considering return to the country, in their language, with its ETag.", Anonymous = true,
        Response = typeof(CountryInformationView), Answer = Api.Contract.Answer.Versioned, Query = [QueryParameters.Lang])]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "countries/{code}/information")] HttpRequest request,
        string code, CancellationToken cancellationToken) =>
        endpoint.AnonymousAsync(request, async () =>
        {
            var (found, partners) = await information.GetAsync(RouteIds.Country(code), cancellationToken);
            return Answer(request, found, partners);
        });

    [Function("SetCountryInformation")]
    [ApiOperation("Replaces the country's information for returnees, in every language, with the day it was last reviewed.", Roles = [Role.Coordinator],
        Requests = [typeof(CountryInformationRequest)], Response = typeof(CountryInformationView), Answer = Api.Contract.Answer.Versioned, IfMatch = IfMatch.Required,
        Query = [QueryParameters.Lang])]
    public Task<IActionResult> Set(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "countries/{code}/information")] HttpRequest request,
        string code, CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<CountryInformationRequest>(request, cancellationToken);
            var (saved, partners) = await information.SetAsync(caller, RouteIds.Country(code), body.Value, Preconditions.IfMatch(request), cancellationToken);
            return Answer(request, saved, partners);
        });

    private static IActionResult Answer(HttpRequest request, Core.Storage.Versioned<CountryInformation> found, IReadOnlyList<string> partners)
    {
        var lang = request.Query["lang"].ToString();
        var view = CountryInformationView.From(found.Value, partners, lang.Length == 0 ? null : lang, request.Headers.AcceptLanguage.ToString());
        return Responses.Versioned(request, found, _ => view) is JsonResponse response
            ? response.WithHeader("Content-Language", view.Language).WithHeader("Vary", "Accept-Language")
            : Responses.Versioned(request, found, _ => view);
    }
}
