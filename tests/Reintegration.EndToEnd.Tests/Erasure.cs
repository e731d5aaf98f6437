using System.Net;
using System.Text.Json.Nodes;

namespace Reintegration.EndToEnd.Tests;

/// <summary>What the data protection officer's client does to erase a person's data, and what a caseworker does to end a case.</summary>
internal static class Erasure
{
    public static Task<HttpResponseMessage> Request(HttpClient client, string caseId, string scope) =>
        client.PostAsync($"api/cases/{caseId}/erasure",
            Api.JsonBody(new JsonObject { ["reason"] = "Request of the data subject, received by letter", ["scope"] = scope }));

    /// <summary>Withdraws the case at its current version; answers the new ETag.</summary>
    public static async Task<string> Withdraw(Api api, string caseId, string organisation = "org-ref-demo")
    {
        using var current = await api.Coordinator().GetAsync($"api/cases/{caseId}");
        return await Api.Do(api.Caseworker(organisation), caseId, current.Headers.ETag!.Tag, "withdraw",
            new JsonObject { ["reason"] = "Decided to stay with family in the Netherlands." });
    }

    /// <summary>An accepted receipt and a spending it proves: financial records the funder's audit keeps.</summary>
    public static async Task<string> SpendWithReceipt(HttpClient partner, string caseId)
    {
        var receipt = await Documents.Upload(partner, caseId, "Receipt", "receipt.pdf", "application/pdf");
        using var spent = await partner.PostAsync($"api/cases/{caseId}/spending", Api.JsonBody(Spending.Request("line-1", 100m, receipt)));
        Assert.True(spent.StatusCode == HttpStatusCode.Created, await spent.Content.ReadAsStringAsync());
        return receipt;
    }

    public static async Task<JsonArray> Holds(HttpResponseMessage response)
    {
        await Api.AssertProblem(response, HttpStatusCode.Conflict, "erasure-held");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["holds"]!.AsArray();
    }
}
