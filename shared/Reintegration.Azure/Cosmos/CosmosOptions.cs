namespace Reintegration.Azure.Cosmos;

/// <summary>Settings of section "Cosmos".</summary>
public sealed class CosmosOptions
{
    public const string Section = "Cosmos";

    /// <summary>The account endpoint, e.g. https://account.documents.azure.com:443/.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>An account key; when empty the app signs in with its managed identity.</summary>
    public string? Key { get; set; }

    public string Database { get; set; } = "reintegration";

    /// <summary>Local stand-in only: accept its self-signed certificate on localhost. Never set in Azure.</summary>
    public bool AcceptLocalCertificate { get; set; }

    /// <summary>Local stand-in only: the SHA-1 thumbprint of its certificate; when set, only that certificate is accepted.</summary>
    public string? LocalCertificateThumbprint { get; set; }

    /// <summary>Create the database and containers when missing (local runs; in Azure the infrastructure does).</summary>
    public bool EnsureCreated { get; set; }
}
