using Reintegration.Core.Imports;

namespace Reintegration.Api.Representations;

/// <summary>An import's progress and its refused rows (row number, field, rule): no personal data.</summary>
public sealed record ImportView(string Id, ImportStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string ImportedBy,
    long FileBytes, long BytesRead, int RowsRead, int Imported, int AlreadyImported, int RowsRefused, IReadOnlyList<ImportRowError> Errors)
{
    public static string Location(ImportJob job) => $"/api/imports/{job.Id}";

    public static ImportView From(ImportJob j) => new(j.Id, j.Status, j.CreatedAt, j.CompletedAt, j.ImportedById, j.FileBytes, j.BytesRead,
        j.RowsRead, j.Imported, j.AlreadyImported, j.RowsRefused, j.Errors);
}
