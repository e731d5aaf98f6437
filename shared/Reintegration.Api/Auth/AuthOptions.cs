namespace Reintegration.Api.Auth;

/// <summary>
/// Settings of section "Auth": how bearer tokens are validated. In Azure: Entra ID's metadata
/// address, issuer and audience. Locally: the development key the local host creates; the
/// Functions app never has that key unless someone configures it.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";

    /// <summary>OpenID Connect metadata, e.g. https://login.microsoftonline.com/TENANT/v2.0/.well-known/openid-configuration.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Base64 symmetric key for locally minted tokens (HS256). Local development only.</summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>The claim that carries the programme role (Entra app roles arrive as "roles").</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that carries the caller's organisation id.</summary>
    public string OrganisationClaim { get; set; } = "org";

    public bool HasSigningSource => !string.IsNullOrWhiteSpace(MetadataAddress) || !string.IsNullOrWhiteSpace(DevelopmentSigningKey);
}
