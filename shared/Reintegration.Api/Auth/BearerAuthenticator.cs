using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Reintegration.Core.Access;

namespace Reintegration.Api.Auth;

/// <summary>Turns the request's bearer token into a <see cref="Caller"/>, or null when there is none valid.</summary>
public sealed class BearerAuthenticator
{
    private readonly AuthOptions options;
    private readonly ILogger<BearerAuthenticator> logger;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters parameters;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>The named HttpClient that fetches the identity provider's metadata and signing keys.</summary>
    public const string MetadataClient = "auth-metadata";

    public BearerAuthenticator(IOptions<AuthOptions> options, TimeProvider time, IHttpClientFactory httpClients,
        ILogger<BearerAuthenticator> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        parameters = new TokenValidationParameters
        {
            ValidIssuer = this.options.Issuer,
            ValidAudience = this.options.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // Lifetime is checked against the app's TimeProvider, so tests with a fake clock see tokens expire.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is not null && now < expires.Value + ClockSkew && (notBefore is null || now >= notBefore.Value - ClockSkew);
            },
        };
        if (!string.IsNullOrWhiteSpace(this.options.DevelopmentSigningKey))
        {
            parameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(this.options.DevelopmentSigningKey));
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else if (!string.IsNullOrWhiteSpace(this.options.MetadataAddress))
        {
            parameters.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                this.options.MetadataAddress, new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(httpClients.CreateClient(MetadataClient)) { RequireHttps = true });
            parameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
        }
    }

    public async Task<Caller?> AuthenticateAsync(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !options.HasSigningSource)
        {
            return null;
        }
        var result = await handler.ValidateTokenAsync(header["Bearer ".Length..].Trim(), parameters);
        if (!result.IsValid)
        {
            logger.LogInformation("Bearer token refused: {Reason}", result.Exception?.GetType().Name);
            return null;
        }
        return ToCaller(result.ClaimsIdentity);
    }

    private Caller? ToCaller(ClaimsIdentity identity)
    {
        var userId = identity.FindFirst("oid")?.Value ?? identity.FindFirst("sub")?.Value;
        var roles = identity.FindAll(options.RoleClaim)
            .Select(c => Roles.TryParse(c.Value, out var role) ? role : (Role?)null)
            .Where(r => r is not null).Distinct().ToList();
        var organisation = identity.FindFirst(options.OrganisationClaim)?.Value;
        // One programme role per token: a person acting in two roles signs in twice.
        if (string.IsNullOrWhiteSpace(userId) || roles.Count != 1 || string.IsNullOrWhiteSpace(organisation))
        {
            logger.LogInformation("Bearer token refused: it lacks a subject, exactly one programme role, or an organisation");
            return null;
        }
        return new Caller(userId, roles[0]!.Value, organisation);
    }
}
