using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reintegration.Api.Http;
using Reintegration.Core.Reports;

namespace Reintegration.Api.Reports;

/// <summary>A report in the asked-for format: JSON for the apps, CSV and a workbook for the funder, a page for the board.</summary>
public sealed class ReportResponse(FigureReport report, ReportFormat format) : IActionResult
{
    public static IActionResult For(FigureReport report, ReportFormat format) =>
        format == ReportFormat.Json ? Responses.Ok(report) : new ReportResponse(report, format);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var bytes = format switch
        {
            ReportFormat.Csv => CsvReport.Write(report),
            ReportFormat.Xlsx => ExcelReport.Write(report),
            _ => HtmlReport.Write(report),
        };
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.CacheControl = "no-store";
        SecurityHeaders.Apply(response.Headers);
        var name = $"{report.Report}-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.{ReportFormats.Extension(format)}";
        if (format == ReportFormat.Html)
        {
            response.Headers.ContentSecurityPolicy = HtmlReport.ContentSecurityPolicy;
            response.ContentType = "text/html; charset=utf-8";
        }
        else
        {
            response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            response.ContentType = format == ReportFormat.Csv ? "text/csv; charset=utf-8" : ReportFormats.XlsxType;
        }
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
    }
}
