using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reintegration.Api.Tests.Auth;

/// <summary>
/// What Entra ID serves to an API, in memory: OpenID Connect metadata and a JWKS document with the public keys it
/// currently publishes, answered to the authenticator's HttpClient. It signs tokens with RS256, as Entra does.
/// </summary>
internal sealed class FakeIdentityProvider : HttpMessageHandler
{
    public const string Authority = "https://login.example.test/tenant-1/v2.0";
    public const string MetadataAddress = Authority + "/.well-known/openid-configuration";
    private const string KeysAddress = "https://login.example.test/tenant-1/discovery/v2.0/keys";

    private readonly List<RsaSecurityKey> _published = [];

    public int MetadataRequests { get; private set; }

    public RsaSecurityKey NewKey(string keyId, bool publish = true)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId };
        if (publish)
        {
            _published.Add(key);
        }
        return key;
    }

    public void Publish(RsaSecurityKey key) => _published.Add(key);

    public static string Token(SecurityKey key, string algorithm, string audience, IDictionary<string, object> claims,
        DateTimeOffset now, string issuer = Authority) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var address = request.RequestUri!.ToString();
        if (address == MetadataAddress)
        {
            MetadataRequests++;
            return Json(new Dictionary<string, object>
            {
                ["issuer"] = Authority,
                ["jwks_uri"] = KeysAddress,
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        }
        if (address == KeysAddress)
        {
            var keys = _published.Select(k =>
            {
                var parameters = k.Rsa.ExportParameters(includePrivateParameters: false);
                return new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = k.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
            }).ToList();
            return Json(new Dictionary<string, object> { ["keys"] = keys });
        }
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private static Task<HttpResponseMessage> Json(object body) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        });
}
