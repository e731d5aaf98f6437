namespace Reintegration.Api.Http;

/// <summary>Settings of section "Api".</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest JSON body accepted; files go to Blob storage directly, never through the API.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
