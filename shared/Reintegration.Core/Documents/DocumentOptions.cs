namespace Reintegration.Core.Documents;

/// <summary>Settings of section "Documents".</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public long MaxSizeBytes { get; set; } = 20 * 1024 * 1024;

    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ReadUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
