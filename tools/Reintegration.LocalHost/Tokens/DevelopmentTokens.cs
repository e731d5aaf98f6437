using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reintegration.LocalHost.Tokens;

/// <summary>Mints the tokens the local host's app accepts: HS256 with the local development key.</summary>
public static class DevelopmentTokens
{
    public const string Issuer = "reintegration-local";

    public const string Audience = "reintegration-api";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    /// <summary>The roles of the programme, as the app checks them.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["caseworker", "coordinator", "partner", "dpo"];

    /// <summary>The demo organisation a role belongs to when none is given.</summary>
    public static string DefaultOrganisationFor(string role) => CheckRole(role) switch
    {
        "caseworker" => "org-ref-demo",
        "partner" => "partner-gh-1",
        _ => "org-coordination",
    };

    /// <summary>
    /// A signed JWT with sub, name, roles (a one-element array, as Entra ID issues it), org, iss, aud, iat, nbf and exp.
    /// </summary>
    /// <param name="signingKey">The development key (see <see cref="DevelopmentSigningKey"/>).</param>
    /// <param name="role">caseworker, coordinator, partner or dpo.</param>
    /// <param name="organisationId">Defaults to the role's demo organisation.</param>
    /// <param name="name">Display name; defaults to "Local {role}".</param>
    /// <param name="subject">Defaults to a new random id.</param>
    /// <param name="notBefore">Defaults to now (UTC).</param>
    /// <param name="expires">Defaults to notBefore + 8 hours.</param>
    public static string Create(
        byte[] signingKey,
        string role,
        string? organisationId = null,
        string? name = null,
        string? subject = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        role = CheckRole(role);
        var issuedAt = notBefore ?? DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (expires ?? issuedAt.Add(DefaultLifetime)).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject ?? Guid.NewGuid().ToString(),
                ["name"] = name ?? $"Local {role}",
                ["roles"] = new[] { role },
                ["org"] = organisationId ?? DefaultOrganisationFor(role),
            },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string CheckRole(string role)
    {
        var normalised = role.Trim().ToLowerInvariant();
        return Roles.Contains(normalised)
            ? normalised
            : throw new ArgumentException($"Unknown role '{role}'; expected one of {string.Join(", ", Roles)}.", nameof(role));
    }
}
