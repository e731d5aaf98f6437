using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>No number of any size or precision, in any numeric field of any request, answers 5xx.</summary>
public sealed class NumberBoundsTests(LocalHostFixture host)
{
    private readonly Api api = new(host);

    /// <summary>As JSON text: beyond decimal's range and precision, beyond int and long, tiny, negative, exponents.</summary>
    public static readonly string[] Extremes =
    [
        "1e-28", "-1e-28", "1e-40", "1e28", "1e400", "-1e400", "79228162514264337593543950335", "79228162514264337593543950336",
        "-79228162514264337593543950335", "0.0000000000000000000000000001", "1.00000000000000000000000000001",
        "123456789012345678901234567890.5", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "0", "-0",
    ];

    private const string Marker = "\"@number@\"";

    [Fact]
    public async Task Every_numeric_field_of_every_request_answers_below_500()
    {
        var (caseId, etag) = await api.CaseAt("Arrived", plan: [100m]);
        // Each body leaves a text field empty, so that nothing is created whatever the number, while every rule runs.
        var spending = Spending.Request("line-1", 10m).Also(s => s["description"] = "");
        var plan = Api.Plan(100m).Also(p => p["goals"]![0]!["description"] = "");
        var phase = new JsonObject
        {
            ["name"] = "", ["startsOn"] = "2030-01-01", ["endsOn"] = "2030-12-31", ["monitoringMonths"] = new JsonArray(1, 3), ["gracePeriodDays"] = 14,
            ["budget"] = new JsonObject { ["cashContribution"] = 200, ["inKindPerAdult"] = 1500, ["inKindPerChild"] = 500, ["approvalCeiling"] = 4000 },
        };
        var report = new JsonObject { ["contactMade"] = true, ["wellbeing"] = 3, ["narrative"] = "" };
        var document = new JsonObject { ["type"] = "Receipt", ["fileName"] = "", ["contentType"] = "application/pdf", ["size"] = 1000 };

        var targets = new (string Method, string Path, HttpClient Client, JsonObject Body, string[] Fields)[]
        {
            ("POST", $"api/cases/{caseId}/spending", api.Partner(), spending, ["amountPaid", "exchangeRate", "amountEur"]),
            ("PUT", $"api/cases/{caseId}/plan", api.Caseworker(), plan, ["cashContribution", "budgetLines.0.amount"]),
            ("PUT", "api/phases/phase-number-bounds", api.Coordinator(), phase,
                ["gracePeriodDays", "monitoringMonths.0", "budget.cashContribution", "budget.inKindPerAdult", "budget.inKindPerChild", "budget.approvalCeiling"]),
            ("POST", $"api/cases/{caseId}/checkpoints/checkpoint-1/report", api.Partner(), report, ["wellbeing"]),
            ("POST", $"api/cases/{caseId}/documents", api.Partner(), document, ["size"]),
        };

        var failures = new List<string>();
        foreach (var (method, path, client, body, fields) in targets)
        {
            foreach (var field in fields)
            {
                foreach (var number in Extremes)
                {
                    var json = WithMarker(body, field).ToJsonString().Replace(Marker, number);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Api.JsonBody(json) };
                    request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
                    using var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {path} {field}={number}: {(int)response.StatusCode}");
                    }
                    else if (!response.IsSuccessStatusCode)
                    {
                        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData(" 5")]
    [InlineData("0x10")]
    public async Task A_page_size_of_any_form_is_a_400_naming_it(string size)
    {
        using var response = await api.Caseworker().GetAsync($"api/cases?pageSize={Uri.EscapeDataString(size)}");
        await Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("pageSize", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A copy of the body with the field ("a.0.b" walks objects and arrays) replaced by the marker.</summary>
    private static JsonObject WithMarker(JsonObject body, string field)
    {
        var copy = body.DeepClone().AsObject();
        var parts = field.Split('.');
        JsonNode node = copy;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }
        if (int.TryParse(parts[^1], out var last))
        {
            node[last] = "@number@";
        }
        else
        {
            node[parts[^1]] = "@number@";
        }
        return copy;
    }
}
