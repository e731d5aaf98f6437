using Microsoft.AspNetCore.Http;
using Reintegration.Core.Errors;

namespace Reintegration.Api.Reports;

/// <summary>The forms a report is answered in: chosen by <c>format=</c>, else by <c>Accept</c>, else JSON.</summary>
public enum ReportFormat
{
    Json,
    Csv,
    Xlsx,
    Html,
}

public static class ReportFormats
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly (ReportFormat Format, string Name, string MediaType)[] All =
    [
        (ReportFormat.Json, "json", "application/json"),
        (ReportFormat.Csv, "csv", "text/csv"),
        (ReportFormat.Xlsx, "xlsx", XlsxType),
        (ReportFormat.Html, "html", "text/html"),
    ];

    public static string MediaType(ReportFormat format) => All.Single(f => f.Format == format).MediaType;

    public static string Extension(ReportFormat format) => All.Single(f => f.Format == format).Name;

    public static ReportFormat Of(HttpRequest request)
    {
        var named = request.Query["format"].ToString();
        if (named.Length > 0)
        {
            return All.FirstOrDefault(f => f.Name == named) is { MediaType: not null } match
                ? match.Format
                : throw RequestValidationException.ForField("format", "One of json, csv, xlsx, html.");
        }
        // The first media type of Accept that is one of ours, in the client's order of preference.
        var accepted = request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1).Select(a => a.MediaType.Value);
        foreach (var type in accepted)
        {
            if (All.FirstOrDefault(f => string.Equals(f.MediaType, type, StringComparison.OrdinalIgnoreCase)) is { MediaType: not null } match)
            {
                return match.Format;
            }
        }
        return ReportFormat.Json;
    }
}
