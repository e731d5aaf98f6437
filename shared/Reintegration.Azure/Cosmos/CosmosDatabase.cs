using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace Reintegration.Azure.Cosmos;

/// <summary>The app's database and its containers.</summary>
public sealed class CosmosDatabase(CosmosClient client, IOptions<CosmosOptions> options)
{
    public CosmosClient Client => client;

    public Database Database => client.GetDatabase(options.Value.Database);

    public Container Container(string name) => Database.GetContainer(name);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.EnsureCreated)
        {
            return;
        }
        var database = (await client.CreateDatabaseIfNotExistsAsync(options.Value.Database, cancellationToken: cancellationToken)).Database;
        foreach (var (name, partitionKeyPath, ttl) in Containers.All)
        {
            await database.CreateContainerIfNotExistsAsync(
                new ContainerProperties(name, partitionKeyPath) { DefaultTimeToLive = ttl }, cancellationToken: cancellationToken);
        }
    }
}
