using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Api;
using Reintegration.Azure.Cosmos;
using Reintegration.Testing;

namespace Reintegration.Azure.Tests;

/// <summary>The app's real service registrations over the stand-ins, with a database of the test's own.</summary>
internal static class Adapters
{
    public static async Task<ServiceProvider> StartAsync(StandInsFixture standIns) =>
        await StartAsync(standIns, $"test-{Guid.NewGuid():N}");

    /// <summary>Another instance of the app over a database that may already be in use (as after a restart or a scale-out).</summary>
    public static async Task<ServiceProvider> StartAsync(StandInsFixture standIns, string database)
    {
        var settings = new Dictionary<string, string?>(standIns.StandIns.AppSettings)
        {
            ["Cosmos:Database"] = database,
            ["Auth:Issuer"] = "test",
            ["Auth:Audience"] = "test",
            ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String(new byte[32]),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddReintegration(configuration).BuildServiceProvider();
        await services.GetRequiredService<CosmosDatabase>().EnsureCreatedAsync(CancellationToken.None);
        return services;
    }
}
