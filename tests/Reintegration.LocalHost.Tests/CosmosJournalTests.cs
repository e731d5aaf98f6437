using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Reintegration.LocalHost.StandIns;
using Reintegration.Testing;

namespace Reintegration.LocalHost.Tests;

/// <summary>The Cosmos DB stand-in keeps its data in a journal in its data directory and survives a malformed path.</summary>
public sealed class CosmosJournalTests(StandInsFixture shared)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stand_in_started_again_on_its_data_directory_holds_the_same_databases_containers_and_items()
    {
        var dataDirectory = StandInData.NewDirectory();
        try
        {
            Probe kept = new(Guid.NewGuid().ToString(), "p1", 2);
            ContainerProperties definition;
            string keptETag;
            await using (var first = await StandInSet.StartAsync(new StandInOptions { DataDirectory = dataDirectory }, cancellationToken: Cancellation))
            {
                using var client = StandInData.CosmosClientFor(first.Cosmos);
                Database database = await client.CreateDatabaseAsync("journal", cancellationToken: Cancellation);
                definition = await database.CreateContainerAsync(new ContainerProperties("probes", "/pk"), cancellationToken: Cancellation);
                var container = database.GetContainer("probes");
                await container.CreateItemAsync(kept with { Version = 1 }, new PartitionKey(kept.Pk), cancellationToken: Cancellation);
                var gone = new Probe(Guid.NewGuid().ToString(), "p1", 1);
                await container.CreateItemAsync(gone, new PartitionKey(gone.Pk), cancellationToken: Cancellation);
                keptETag = (await container.ReplaceItemAsync(kept, kept.Id, new PartitionKey(kept.Pk), cancellationToken: Cancellation)).ETag;
                await container.DeleteItemAsync<Probe>(gone.Id, new PartitionKey(gone.Pk), cancellationToken: Cancellation);
            }

            await using var second = await StandInSet.StartAsync(new StandInOptions { DataDirectory = dataDirectory }, cancellationToken: Cancellation);
            using var again = StandInData.CosmosClientFor(second.Cosmos);
            var probes = again.GetContainer("journal", "probes");

            ContainerProperties reread = await probes.ReadContainerAsync(cancellationToken: Cancellation);
            var read = await probes.ReadItemAsync<Probe>(kept.Id, new PartitionKey(kept.Pk), cancellationToken: Cancellation);
            var all = await QueryAllAsync(probes, kept.Pk);

            Assert.Equal((definition.PartitionKeyPath, definition.SelfLink, definition.ETag), (reread.PartitionKeyPath, reread.SelfLink, reread.ETag));
            Assert.Equal((kept, keptETag), (read.Resource, read.ETag));
            Assert.Equal([kept], all);

            // Optimistic concurrency carries over: the ETag read before the restart still guards a write.
            var replaced = await probes.ReplaceItemAsync(kept with { Version = 3 }, kept.Id, new PartitionKey(kept.Pk),
                new ItemRequestOptions { IfMatchEtag = keptETag }, Cancellation);
            var stale = await Assert.ThrowsAsync<CosmosException>(() => probes.ReplaceItemAsync(kept with { Version = 4 }, kept.Id,
                new PartitionKey(kept.Pk), new ItemRequestOptions { IfMatchEtag = keptETag }, Cancellation));
            Assert.Equal(3, replaced.Resource.Version);
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_path_escape_that_is_not_utf8_is_a_bad_request_and_the_stand_in_keeps_serving()
    {
        var cosmos = shared.StandIns.Cosmos;
        var process = cosmos.ProcessId;
        using var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == cosmos.Certificate.Thumbprint,
        });

        using var malformed = await http.GetAsync(new Uri(cosmos.Endpoint, "dbs/any/colls/any/docs/%C0%AF"), Cancellation);
        var error = JsonNode.Parse(await malformed.Content.ReadAsStringAsync(Cancellation))!;
        using var next = await http.GetAsync(new Uri(cosmos.Endpoint, "dbs"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("BadRequest", error["code"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(process, cosmos.ProcessId);
    }

    private static async Task<List<Probe>> QueryAllAsync(Container container, string partition)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk").WithParameter("@pk", partition);
        using var feed = container.GetItemQueryIterator<Probe>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition) });
        var all = new List<Probe>();
        while (feed.HasMoreResults)
        {
            all.AddRange(await feed.ReadNextAsync(Cancellation));
        }

        return all;
    }

    private sealed record Probe(string Id, string Pk, int Version);
}
