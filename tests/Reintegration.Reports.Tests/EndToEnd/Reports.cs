using System.Net;
using System.Text.Json.Nodes;
using ApiClient = Reintegration.EndToEnd.Tests.Api;

namespace Reintegration.Reports.Tests.EndToEnd;

/// <summary>Reading reports as a client does, and finding figures in them by table, row and column.</summary>
internal static class Reports
{
    public static string Period(ReportsHostFixture host, out DateOnly from, out DateOnly to)
    {
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);
        from = today.AddDays(-40);
        to = today.AddDays(40);
        return $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
    }

    public static async Task<JsonObject> Json(HttpClient client, string report, string query)
    {
        using var response = await client.GetAsync($"api/reports/{report}?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{report} answered {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static JsonObject Table(JsonObject report, string name) =>
        report["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!.AsObject();

    public static IReadOnlyList<string> Columns(JsonObject table) => table["columns"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();

    public static IReadOnlyList<string> RowLabels(JsonObject table) => table["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()).ToList();

    /// <summary>The cell as published: a number as its text, or the marker.</summary>
    public static string Cell(JsonObject table, string row, string column)
    {
        var index = Columns(table).ToList().IndexOf(column);
        Assert.True(index >= 0, $"No column {column} in {table["name"]}");
        var found = table["rows"]!.AsArray().SingleOrDefault(r => r!["label"]!.GetValue<string>() == row);
        Assert.True(found is not null, $"No row {row} in {table["name"]}: {table.ToJsonString()}");
        var cell = found!["cells"]!.AsArray()[index];
        return cell is null ? "" : cell.GetValueKind() == System.Text.Json.JsonValueKind.String ? cell.GetValue<string>() : cell.ToJsonString();
    }

    public static async Task<List<string>> ReferMany(ApiClient api, HttpClient caseworker, int count, string country, string category)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await api.Refer(caseworker, ApiClient.Referral(country, category))).Id);
        }
        return ids;
    }
}
