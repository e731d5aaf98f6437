using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>The partner proves every euro spent with a receipt; no sequence of requests spends more than was reserved.</summary>
public sealed class SpendingTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    private static async Task<HttpResponseMessage> Spend(HttpClient partner, string caseId, JsonObject spending, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{caseId}/spending") { Content = Api.JsonBody(spending) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await partner.SendAsync(request);
    }

    private static async Task<JsonObject> Budget(HttpClient client, string caseId)
    {
        using var response = await client.GetAsync($"api/cases/{caseId}/budget");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.ReadObject(response);
    }

    private static decimal Amount(JsonNode node, string name) => node[name]!.GetValue<decimal>();

    [Fact]
    public async Task Receipts_prove_the_spending_and_the_budget_adds_up_to_the_cent()
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [1000m, 500m]);
        var partner = api.Partner();
        var pdfReceipt = await Documents.Upload(partner, caseId, "Receipt", "receipt.pdf", "application/pdf");
        var jpegReceipt = await Documents.Upload(partner, caseId, "Receipt", "receipt.jpg", "image/jpeg");

        using (var proven = await Spend(partner, caseId, Spending.Request("line-1", 412.37m, pdfReceipt)))
        {
            Assert.Equal(HttpStatusCode.Created, proven.StatusCode);
            Assert.Equal("Proven", (await Api.ReadObject(proven))["status"]!.GetValue<string>());
        }
        string pendingId;
        using (var pending = await Spend(partner, caseId, Spending.Request("line-2", 99.99m)))
        {
            Assert.Equal(HttpStatusCode.Created, pending.StatusCode);
            var body = await Api.ReadObject(pending);
            Assert.Equal("Pending", body["status"]!.GetValue<string>());
            pendingId = body["id"]!.GetValue<string>();
        }

        var budget = await Budget(api.Caseworker(), caseId);
        Assert.Equal((1500m, 412.37m, 99.99m, 987.64m),
            (Amount(budget, "reserved"), Amount(budget, "spent"), Amount(budget, "pending"), Amount(budget, "remaining")));

        using (var attached = await partner.PostAsync($"api/cases/{caseId}/spending/{pendingId}/receipt",
            Api.JsonBody(new JsonObject { ["documentId"] = jpegReceipt })))
        {
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        }
        budget = await Budget(partner, caseId);
        Assert.Equal((512.36m, 0m, 987.64m), (Amount(budget, "spent"), Amount(budget, "pending"), Amount(budget, "remaining")));
        var line2 = budget["lines"]!.AsArray().Single(l => l!["budgetLineId"]!.GetValue<string>() == "line-2")!;
        Assert.Equal((500m, 99.99m, 400.01m), (Amount(line2, "reserved"), Amount(line2, "spent"), Amount(line2, "remaining")));
    }

    [Fact]
    public async Task Spending_more_than_a_line_reserves_is_refused_with_what_remains()
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [100m]);
        var partner = api.Partner();
        using (var first = await Spend(partner, caseId, Spending.Request("line-1", 60m)))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }
        using var over = await Spend(partner, caseId, Spending.Request("line-1", 40.01m));
        await Api.AssertProblem(over, HttpStatusCode.UnprocessableEntity, "rule-violation");
        Assert.Contains("40.00 EUR remains", await over.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_spendings_on_a_line_that_fits_ten_leave_exactly_ten()
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [100m]);
        var partner = api.Partner();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await Spend(partner, caseId, Spending.Request("line-1", 10m));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(40, refused.Count);
        Assert.All(refused, a =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, a.StatusCode);
            Assert.Contains("budget-line-exceeded", a.Body);
        });
        var budget = await Budget(partner, caseId);
        Assert.Equal((100m, 100.00m, 0m), (Amount(budget, "reserved"), Amount(budget, "pending"), Amount(budget, "remaining")));
    }

    [Fact]
    public async Task A_retried_spending_with_the_same_idempotency_key_is_counted_once()
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [100m]);
        var partner = api.Partner();
        var key = Guid.NewGuid().ToString();
        using var first = await Spend(partner, caseId, Spending.Request("line-1", 30m), key);
        using var retry = await Spend(partner, caseId, Spending.Request("line-1", 30m), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await Api.ReadObject(first))["id"]!.GetValue<string>(), (await Api.ReadObject(retry))["id"]!.GetValue<string>());
        Assert.Equal(30m, Amount(await Budget(partner, caseId), "pending"));
    }

    [Fact]
    public async Task A_partner_refused_a_case_leaves_no_claim_on_its_Idempotency_Key()
    {
        var (caseId, _) = await api.CaseAt("Monitoring", partner: "partner-gh-1", plan: [100m]);
        var other = api.Partner("partner-wa-regional");
        var key = Guid.NewGuid().ToString();
        using (var refused = await Spend(other, caseId, Spending.Request("line-1", 30m), key))
        {
            await Api.AssertProblem(refused, HttpStatusCode.NotFound, "not-found");
        }

        // The case moves to that partner, which then records its own spending under the same key.
        using var current = await api.Coordinator().GetAsync($"api/cases/{caseId}");
        await Api.Do(api.Coordinator(), caseId, current.Headers.ETag!.Tag, "reassign-partner",
            new JsonObject { ["partnerId"] = "partner-wa-regional", ["reason"] = "The partner stopped work in Ashanti." });
        using var own = await Spend(other, caseId, Spending.Request("line-1", 40m), key);

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(40m, Amount(await Budget(other, caseId), "pending"));
    }

    public static TheoryData<string, JsonObject, string> BadSpendings => new()
    {
        { "negative amount", Spending.Request("line-1", 10m).Also(s => { s["amountPaid"] = -150m; }), "amountPaid" },
        { "non-numeric amount", Spending.Request("line-1", 10m).Also(s => { s["amountEur"] = "ten"; }), "amountEur" },
        { "unknown currency", Spending.Request("line-1", 10m).Also(s => { s["currency"] = "XYZ"; }), "currency" },
        { "euros that do not match the rate", Spending.Request("line-1", 10m).Also(s => { s["amountEur"] = 12m; }), "amountEur" },
        { "fractions of a cent", Spending.Request("line-1", 10m).Also(s => { s["amountEur"] = 10.001m; }), "amountEur" },
    };

    [Theory]
    [MemberData(nameof(BadSpendings))]
    public async Task Bad_spending_input_answers_400_and_records_nothing(string what, JsonObject spending, string field)
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [100m]);
        using var response = await Spend(api.Partner(), caseId, spending);
        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"{what}: errors name {string.Join(", ", errors.Select(e => e.Key))}");
        Assert.Equal(0m, Amount(await Budget(api.Partner(), caseId), "pending"));
    }

    [Fact]
    public async Task Spending_on_a_foreign_or_closed_case_or_an_unknown_line_is_refused()
    {
        // Monitoring, not Arrived: the arrival's scheduling changes the case in the background, which would make this ETag stale.
        var (caseId, etag) = await api.CaseAt("Monitoring", plan: [100m]);
        using (var foreign = await Spend(api.Partner("partner-ng-1"), caseId, Spending.Request("line-1", 10m)))
        {
            await Api.AssertProblem(foreign, HttpStatusCode.NotFound, "not-found");
        }
        using (var unknownLine = await Spend(api.Partner(), caseId, Spending.Request("line-9", 10m)))
        {
            await Api.AssertProblem(unknownLine, HttpStatusCode.UnprocessableEntity, "rule-violation");
        }
        await Api.Do(api.Coordinator(), caseId, etag, "close", new JsonObject { ["outcome"] = "ContactLost", ["reason"] = "No answer." });
        using var closed = await Spend(api.Partner(), caseId, Spending.Request("line-1", 10m));
        await Api.AssertProblem(closed, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task A_receipt_must_be_an_accepted_receipt_of_the_same_case()
    {
        var (caseId, _) = await api.CaseAt("Arrived", plan: [100m]);
        var (otherCase, _) = await api.CaseAt("Arrived", plan: [100m]);
        var otherReceipt = await Documents.Upload(api.Partner(), otherCase, "Receipt", "receipt.pdf", "application/pdf");
        using var response = await Spend(api.Partner(), caseId, Spending.Request("line-1", 10m, otherReceipt));
        await Api.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "rule-violation");
    }

    [Fact]
    public async Task The_cash_contribution_is_recorded_once_with_its_date_and_proof()
    {
        var (caseId, _) = await api.CaseAt("Departed");
        var caseworker = api.Caseworker();
        var proof = await Documents.Upload(caseworker, caseId, "Other", "receipt.jpg", "image/jpeg");
        var payment = Api.JsonBody(new JsonObject { ["paidOn"] = "2026-01-20", ["proofDocumentId"] = proof });

        using (var paid = await caseworker.PostAsync($"api/cases/{caseId}/cash-contribution", payment))
        {
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
            var budget = await Api.ReadObject(paid);
            Assert.Equal("2026-01-20", budget["cashContributionPaid"]!["paidOn"]!.GetValue<string>());
            Assert.Equal(200m, Amount(budget["cashContributionPaid"]!, "amount"));
        }
        using var again = await caseworker.PostAsync($"api/cases/{caseId}/cash-contribution",
            Api.JsonBody(new JsonObject { ["paidOn"] = "2026-01-21", ["proofDocumentId"] = proof }));
        await Api.AssertProblem(again, HttpStatusCode.Conflict, "conflict");
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
