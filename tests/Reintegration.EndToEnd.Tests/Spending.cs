using System.Text.Json.Nodes;

namespace Reintegration.EndToEnd.Tests;

internal static class Spending
{
    /// <summary>A purchase paid in Ghanaian cedi at 15 GHS to the euro.</summary>
    public static JsonObject Request(string line, decimal eur, string? receipt = null) => new()
    {
        ["budgetLineId"] = line,
        ["paidOn"] = "2026-01-15",
        ["amountPaid"] = eur * 15m,
        ["currency"] = "GHS",
        ["exchangeRate"] = 15m,
        ["amountEur"] = eur,
        ["description"] = "Sewing machine",
        ["receiptDocumentId"] = receipt,
    };
}
