using Reintegration.Core.Gate;
using Reintegration.Core.Access;
using Reintegration.Api.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Api.Http;
using Reintegration.Api.Representations;
using Reintegration.Core.Referrals;

namespace Reintegration.Functions;

public sealed class ReferralsFunction(HttpEndpoint endpoint, RequestReader reader, RegisterReferral registerReferral)
{
    [Function("RegisterReferral")]
    [ApiOperation("Registers a referral: a new case.", Permission = nameof(CasePermissions.Refer), Requests = [typeof(ReferralRequest)], Response = typeof(CaseView), Answer = Answer.Created, IdempotencyKey = true, Problems = [ProblemTypes.RuleViolation, ProblemTypes.Conflict, ProblemTypes.DuplicatePerson])]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals")] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.AuthorisedAsync(request, async caller =>
        {
            var body = await reader.ReadJsonAsync<ReferralRequest>(request, cancellationToken);
            var created = await registerReferral.HandleAsync(caller, body.Value, body.Raw,
                IdempotencyKey.From(request), cancellationToken);
            return Responses.Created(CaseView.Location(created.Value.Id), created, c => CaseView.For(caller, c));
        });
}
