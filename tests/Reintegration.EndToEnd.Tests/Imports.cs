using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Reintegration.EndToEnd.Tests;

/// <summary>Import files of carried-over cases, as a coordinator would send them, and waiting for them to finish.</summary>
internal sealed class Imports(Api api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    /// <summary>A referring organisation and a partner in Ghana of the test's own, so its cases are nobody else's.</summary>
    public async Task<(string Organisation, string Partner)> OwnOrganisations()
    {
        var organisation = await api.NewOrganisation();
        var partner = $"partner-test-{Guid.NewGuid():N}"[..24];
        using var response = await api.Coordinator().PutAsync($"api/partners/{partner}",
            Api.JsonBody(new JsonObject { ["name"] = "Test partner Ghana", ["countries"] = new JsonArray("GH"), ["active"] = true }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (organisation, partner);
    }

    public static JsonObject Row(string reference, string organisation, string partner, DateOnly referredOn, DateOnly? departedOn = null,
        DateOnly? arrivedOn = null, params (string Checkpoint, DateOnly On)[] reports) => new()
    {
        ["externalReference"] = reference,
        ["referringOrganisationId"] = organisation,
        ["partnerId"] = partner,
        ["referredOn"] = referredOn.ToString("yyyy-MM-dd"),
        ["person"] = new JsonObject
        {
            ["givenName"] = "Ama", ["familyName"] = "Mensah", ["dateOfBirth"] = "1990-04-02", ["nationality"] = "GH",
            ["contact"] = new JsonObject { ["phone"] = "+233 20 123 4567" },
        },
        ["countryOfReturn"] = "GH",
        ["category"] = "AsylumProcedureExhausted",
        ["consent"] = new JsonObject { ["sharingWithPartner"] = true, ["givenOn"] = referredOn.ToString("yyyy-MM-dd"), ["method"] = "SignedForm" },
        ["plan"] = new JsonObject
        {
            ["goals"] = new JsonArray(new JsonObject { ["area"] = "OwnBusiness", ["description"] = "A tailoring shop in Kumasi." }),
            ["budgetLines"] = new JsonArray(
                new JsonObject { ["area"] = "OwnBusiness", ["description"] = "Sewing machine and stock", ["amount"] = 1000m },
                new JsonObject { ["area"] = "Housing", ["description"] = "Three months' rent", ["amount"] = 400m }),
            ["cashContribution"] = 200m,
        },
        ["planApprovedOn"] = referredOn.AddDays(20).ToString("yyyy-MM-dd"),
        ["departedOn"] = departedOn?.ToString("yyyy-MM-dd"),
        ["arrivedOn"] = arrivedOn?.ToString("yyyy-MM-dd"),
        ["spending"] = arrivedOn is { } arrived
            ? new JsonArray(new JsonObject
            {
                ["budgetLineId"] = "line-1", ["paidOn"] = arrived.AddDays(10).ToString("yyyy-MM-dd"), ["amountPaid"] = 7500m,
                ["currency"] = "GHS", ["exchangeRate"] = 12.5m, ["amountEur"] = 600m, ["description"] = "Sewing machine",
            })
            : new JsonArray(),
        ["reports"] = new JsonArray(reports.Select(r => (JsonNode)new JsonObject
        {
            ["checkpoint"] = r.Checkpoint,
            ["submittedOn"] = r.On.ToString("yyyy-MM-dd"),
            ["report"] = new JsonObject
            {
                ["contactMade"] = true, ["contactMethod"] = "InPerson", ["housing"] = "Temporary", ["work"] = "SelfEmployed",
                ["incomeCoversBasicNeeds"] = false, ["health"] = "Limited", ["familyTies"] = "Strong", ["takesPartInCommunity"] = true,
                ["wellbeing"] = 4, ["feelsSafe"] = true, ["wantsToStay"] = true, ["budgetUseOnTrack"] = true,
                ["narrative"] = "The shop opened; first customers are neighbours.",
            },
        }).ToArray()),
    };

    public static string File(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    /// <summary>Sends the file; answers the import's id after checking the 202 and its Location.</summary>
    public async Task<string> Start(string file)
    {
        using var content = new StringContent(file, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await api.Coordinator().PostAsync("api/imports", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var id = (await Api.ReadObject(response))["id"]!.GetValue<string>();
        Assert.Equal($"/api/imports/{id}", response.Headers.Location!.OriginalString);
        return id;
    }

    public async Task<JsonObject> Progress(string importId)
    {
        using var response = await api.Coordinator().GetAsync($"api/imports/{importId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.ReadObject(response);
    }

    public async Task<JsonObject> Completed(string importId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var progress = await Progress(importId);
            if (progress["status"]!.GetValue<string>() == "Completed")
            {
                return progress;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The import did not complete in time; last seen {progress.ToJsonString()[..Math.Min(400, progress.ToJsonString().Length)]}");
            await Task.Delay(250);
        }
    }
}
