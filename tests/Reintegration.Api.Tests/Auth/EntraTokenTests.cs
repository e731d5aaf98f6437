using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Reintegration.Api.Auth;
using Reintegration.Core.Access;

namespace Reintegration.Api.Tests.Auth;

/// <summary>
/// The path the app takes in Azure: tokens signed by Entra ID, checked against the keys its OpenID Connect metadata
/// publishes (no development key configured). The identity provider is faked at the HTTP level only.
/// </summary>
public sealed class EntraTokenTests
{
    private const string Audience = "api://reintegration";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeIdentityProvider identityProvider = new();
    private readonly FakeTimeProvider time = new(Now);

    private BearerAuthenticator Authenticator(string metadataAddress = FakeIdentityProvider.MetadataAddress) => new(
        Options.Create(new AuthOptions { Issuer = FakeIdentityProvider.Authority, Audience = Audience, MetadataAddress = metadataAddress }),
        time, new SingleClientFactory(identityProvider), NullLogger<BearerAuthenticator>.Instance);

    private static Dictionary<string, object> Claims(string role = "partner", string organisation = "partner-gh-1") => new()
    {
        ["oid"] = "3f1c9a40-0000-4000-8000-000000000001",
        ["roles"] = new[] { role },
        ["org"] = organisation,
    };

    private static Task<Caller?> Authenticate(BearerAuthenticator authenticator, string token)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = $"Bearer {token}";
        return authenticator.AuthenticateAsync(context.Request);
    }

    [Fact]
    public async Task A_token_signed_with_a_published_key_gives_the_caller_its_object_id_role_and_organisation()
    {
        var key = identityProvider.NewKey("key-1");

        var caller = await Authenticate(Authenticator(), FakeIdentityProvider.Token(key, SecurityAlgorithms.RsaSha256, Audience, Claims(), Now));

        Assert.Equal(new Caller("3f1c9a40-0000-4000-8000-000000000001", Role.Partner, "partner-gh-1"), caller);
        Assert.Equal(1, identityProvider.MetadataRequests);
    }

    /// <summary>
    /// An unknown key id makes the metadata refresh; the library refreshes in the background while it answers with
    /// the keys it has, so the first such token may be refused and a later one is accepted, without a restart.
    /// (Entra publishes a new key well before signing with it, and metadata is re-read every 12 hours anyway.)
    /// </summary>
    [Fact]
    public async Task After_a_key_rollover_a_token_signed_with_the_new_key_is_accepted_without_a_restart()
    {
        var authenticator = Authenticator();
        var oldKey = identityProvider.NewKey("key-1");
        Assert.NotNull(await Authenticate(authenticator, FakeIdentityProvider.Token(oldKey, SecurityAlgorithms.RsaSha256, Audience, Claims(), Now)));

        var newKey = identityProvider.NewKey("key-2");
        var token = FakeIdentityProvider.Token(newKey, SecurityAlgorithms.RsaSha256, Audience, Claims(), Now);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        Caller? caller;
        while ((caller = await Authenticate(authenticator, token)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(caller);
        Assert.True(identityProvider.MetadataRequests >= 2, "The metadata was not read again.");
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_provider_does_not_publish_is_refused()
    {
        identityProvider.NewKey("key-1");
        var unpublished = identityProvider.NewKey("key-1", publish: false);

        Assert.Null(await Authenticate(Authenticator(), FakeIdentityProvider.Token(unpublished, SecurityAlgorithms.RsaSha256, Audience, Claims(), Now)));
    }

    [Fact]
    public async Task A_token_for_another_audience_or_from_another_issuer_is_refused()
    {
        var key = identityProvider.NewKey("key-1");
        var authenticator = Authenticator();

        Assert.Null(await Authenticate(authenticator, FakeIdentityProvider.Token(key, SecurityAlgorithms.RsaSha256, "api://another-app", Claims(), Now)));
        Assert.Null(await Authenticate(authenticator, FakeIdentityProvider.Token(key, SecurityAlgorithms.RsaSha256, Audience, Claims(), Now,
            issuer: "https://login.example.test/another-tenant/v2.0")));
    }

    [Fact]
    public async Task A_symmetrically_signed_token_is_refused_when_entra_metadata_is_configured()
    {
        identityProvider.NewKey("key-1");
        var symmetric = new SymmetricSecurityKey(new byte[32]) { KeyId = "key-1" };

        Assert.Null(await Authenticate(Authenticator(), FakeIdentityProvider.Token(symmetric, SecurityAlgorithms.HmacSha256, Audience, Claims(), Now)));
    }

    [Fact]
    public async Task An_expired_token_is_refused_by_the_apps_clock()
    {
        var key = identityProvider.NewKey("key-1");
        var token = FakeIdentityProvider.Token(key, SecurityAlgorithms.RsaSha256, Audience, Claims(), Now);
        var authenticator = Authenticator();
        Assert.NotNull(await Authenticate(authenticator, token));

        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(3));

        Assert.Null(await Authenticate(authenticator, token));
    }

    [Fact]
    public async Task Metadata_over_plain_http_is_never_trusted()
    {
        var key = identityProvider.NewKey("key-1");
        var authenticator = Authenticator(FakeIdentityProvider.MetadataAddress.Replace("https://", "http://", StringComparison.Ordinal));

        Assert.Null(await Authenticate(authenticator, FakeIdentityProvider.Token(key, SecurityAlgorithms.RsaSha256, Audience, Claims(), Now)));
        Assert.Equal(0, identityProvider.MetadataRequests);
    }

    [Fact]
    public async Task A_token_with_two_programme_roles_is_refused()
    {
        var key = identityProvider.NewKey("key-1");
        var claims = Claims();
        claims["roles"] = new[] { "partner", "coordinator" };

        Assert.Null(await Authenticate(Authenticator(), FakeIdentityProvider.Token(key, SecurityAlgorithms.RsaSha256, Audience, claims, Now)));
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
