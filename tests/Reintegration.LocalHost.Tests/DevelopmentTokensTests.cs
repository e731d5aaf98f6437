using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reintegration.LocalHost.Tokens;

namespace Reintegration.LocalHost.Tests;

public sealed class DevelopmentTokensTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "reintegration-tests", "tokens-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData("caseworker", "org-ref-demo")]
    [InlineData("coordinator", "org-coordination")]
    [InlineData("dpo", "org-coordination")]
    [InlineData("partner", "partner-gh-1")]
    public async Task A_token_is_signed_with_the_key_and_carries_the_role_and_its_demo_organisation(string role, string organisation)
    {
        var key = DevelopmentSigningKey.LoadOrCreate(DevelopmentSigningKey.PathIn(_dataDirectory));

        var result = await Validate(DevelopmentTokens.Create(key, role), key);

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(role, Assert.Single(token.Claims, c => c.Type == "roles").Value);
        Assert.Equal(organisation, token.GetClaim("org").Value);
        Assert.False(string.IsNullOrEmpty(token.Subject));
        Assert.Equal($"Local {role}", token.GetClaim("name").Value);
        Assert.Equal(DevelopmentTokens.DefaultLifetime, token.ValidTo - token.ValidFrom);
    }

    [Fact]
    public async Task Organisation_name_subject_and_times_can_be_given()
    {
        var key = DevelopmentSigningKey.LoadOrCreate(DevelopmentSigningKey.PathIn(_dataDirectory));
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);

        var token = (JsonWebToken)(await Validate(DevelopmentTokens.Create(key, "partner", "partner-x", "Pat", "user-1", from, from.AddHours(1)), key)).SecurityToken;

        Assert.Equal("partner-x", token.GetClaim("org").Value);
        Assert.Equal("Pat", token.GetClaim("name").Value);
        Assert.Equal("user-1", token.Subject);
        Assert.Equal(from.AddHours(1).ToUnixTimeSeconds(), new DateTimeOffset(token.ValidTo).ToUnixTimeSeconds());
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DevelopmentTokens.Create(new byte[32], "admin"));
    }

    [Fact]
    public void The_signing_key_is_created_once_and_kept_private()
    {
        var path = DevelopmentSigningKey.PathIn(_dataDirectory);

        var first = DevelopmentSigningKey.LoadOrCreate(path);
        var second = DevelopmentSigningKey.LoadOrCreate(path);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task The_token_command_prints_a_token_signed_with_the_local_key()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = TokenCommand.Run(["--role", "coordinator", "--org", "org-7"], output, error, _dataDirectory);

        Assert.Equal(0, exitCode);
        var key = DevelopmentSigningKey.LoadOrCreate(DevelopmentSigningKey.PathIn(_dataDirectory));
        var result = await Validate(output.ToString().Trim(), key);
        Assert.True(result.IsValid);
        Assert.Equal("org-7", ((JsonWebToken)result.SecurityToken).GetClaim("org").Value);
    }

    [Theory]
    [InlineData]
    [InlineData("--org", "x")]
    [InlineData("--role")]
    [InlineData("--role", "admin")]
    [InlineData("--role", "dpo", "--bogus", "1")]
    public void The_token_command_explains_wrong_arguments(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, TokenCommand.Run(arguments, output, error, _dataDirectory));
        Assert.Empty(output.ToString());
        Assert.NotEmpty(error.ToString());
    }

    private static Task<TokenValidationResult> Validate(string token, byte[] key) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = DevelopmentTokens.Issuer,
            ValidAudience = DevelopmentTokens.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(key),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });
}
