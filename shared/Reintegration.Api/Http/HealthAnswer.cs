using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reintegration.Api.Representations;

namespace Reintegration.Api.Http;

/// <summary>200 with each dependency's state, or 503 ProblemDetails naming what is down.</summary>
public static class HealthAnswer
{
    public static IActionResult From(HttpRequest request, HealthReport report)
    {
        var states = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString());
        if (report.Status == HealthStatus.Healthy)
        {
            return Responses.Ok(new HealthView("Healthy", states));
        }
        var down = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToList();
        return (Problem.Of(request, ProblemTypes.DependencyUnavailable, StatusCodes.Status503ServiceUnavailable,
            $"Unavailable: {string.Join(", ", down)}.", "The service cannot work until these dependencies answer again.")
            with { Dependencies = states }).ToResponse();
    }
}
