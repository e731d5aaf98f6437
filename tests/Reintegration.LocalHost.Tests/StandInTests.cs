using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Azure.Cosmos;
using Reintegration.LocalHost.StandIns;
using Reintegration.Testing;

namespace Reintegration.LocalHost.Tests;

public sealed class StandInTests(StandInsFixture shared)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reading_a_missing_cosmos_document_is_not_found_and_an_existing_one_is_found()
    {
        using var client = CosmosClientFor(shared.StandIns.Cosmos);
        Database database = await client.CreateDatabaseIfNotExistsAsync("standin-tests", cancellationToken: Cancellation);
        Container container = await database.CreateContainerIfNotExistsAsync("probes", "/pk", cancellationToken: Cancellation);
        var probe = new Probe(Guid.NewGuid().ToString(), "p1");
        await container.CreateItemAsync(probe, new PartitionKey(probe.Pk), cancellationToken: Cancellation);

        var missing = await Assert.ThrowsAsync<CosmosException>(() =>
            container.ReadItemAsync<Probe>("no-such-id", new PartitionKey("p1"), cancellationToken: Cancellation));
        var found = await container.ReadItemAsync<Probe>(probe.Id, new PartitionKey(probe.Pk), cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(probe, found.Resource);
    }

    /// <summary>
    /// The stand-in numbers databases in turn; every 64th has a resource id whose base64 holds a '/', which real Cosmos DB
    /// never sends (it writes '-'). The SDK puts resource ids into request paths (a query first reads the partition key
    /// ranges by id), so without the stand-in's patch such a database answers 404 "stale cache" to every query.
    /// </summary>
    [Fact]
    public async Task Every_database_answers_queries_whatever_resource_id_the_stand_in_gives_it()
    {
        using var client = CosmosClientFor(shared.StandIns.Cosmos);
        for (var n = 0; n < 64; n++)
        {
            Database database = await client.CreateDatabaseAsync($"rid-{Guid.NewGuid():N}", cancellationToken: Cancellation);
            Container container = await database.CreateContainerAsync("probes", "/pk", cancellationToken: Cancellation);
            var probe = new Probe(Guid.NewGuid().ToString(), "p1");
            await container.CreateItemAsync(probe, new PartitionKey(probe.Pk), cancellationToken: Cancellation);

            var found = await QueryAllAsync(container, probe.Pk);

            Assert.Equal([probe], found);
        }
    }

    /// <summary>
    /// Cosmos DB runs a query sent with a partition key within that partition; the stand-in used to run it over the whole
    /// container (lib/partition-scoped-query.js), so the answer held other partitions' documents and cost a pass over all.
    /// </summary>
    [Fact]
    public async Task A_query_sent_with_a_partition_key_answers_that_partitions_documents_only()
    {
        using var client = CosmosClientFor(shared.StandIns.Cosmos);
        Database database = await client.CreateDatabaseIfNotExistsAsync("standin-tests", cancellationToken: Cancellation);
        Container container = await database.CreateContainerIfNotExistsAsync($"scoped-{Guid.NewGuid():N}", "/pk", cancellationToken: Cancellation);
        var mine = Enumerable.Range(0, 3).Select(n => new Probe($"mine-{n}", "p-mine")).ToList();
        foreach (var probe in mine.Append(new Probe("other-0", "p-other")).Append(new Probe("other-1", "p-other")))
        {
            await container.CreateItemAsync(probe, new PartitionKey(probe.Pk), cancellationToken: Cancellation);
        }

        // No filter on the partition key in the query text: only the request option scopes it.
        using var scoped = container.GetItemQueryIterator<Probe>("SELECT * FROM c ORDER BY c.id DESC",
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("p-mine"), MaxItemCount = 2 });
        var found = new List<Probe>();
        while (scoped.HasMoreResults)
        {
            found.AddRange(await scoped.ReadNextAsync(Cancellation));
        }
        using var everywhere = container.GetItemQueryIterator<Probe>("SELECT * FROM c");
        var all = new List<Probe>();
        while (everywhere.HasMoreResults)
        {
            all.AddRange(await everywhere.ReadNextAsync(Cancellation));
        }

        Assert.Equal(mine.OrderByDescending(p => p.Id, StringComparer.Ordinal), found);
        Assert.Equal(5, all.Count);
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

    [Fact]
    public async Task Stand_ins_start_on_free_ports_keep_azurite_data_across_a_restart_and_stop()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "reintegration-tests", "standin-" + Guid.NewGuid().ToString("N"));
        try
        {
            int[] ports;
            await using (var first = await StandInSet.StartAsync(new StandInOptions { DataDirectory = dataDirectory }, cancellationToken: Cancellation))
            {
                ports = [first.Azurite.BlobPort, first.Azurite.QueuePort, first.Azurite.TablePort, first.Cosmos.Port, first.ServiceBus.Port];
                Assert.All(ports, port => Assert.True(Listening(port), $"port {port} should be listening"));
                Assert.DoesNotContain(shared.StandIns.Azurite.QueuePort, ports);

                var queue = new QueueClient(first.Azurite.ConnectionString, "kept");
                await queue.CreateIfNotExistsAsync(cancellationToken: Cancellation);
                await queue.SendMessageAsync("survives", Cancellation);
                Assert.True(Directory.EnumerateFileSystemEntries(Path.Combine(dataDirectory, "azurite")).Any());
            }

            Assert.All(ports, port => Assert.False(Listening(port), $"port {port} should be closed"));

            await using var second = await StandInSet.StartAsync(new StandInOptions { DataDirectory = dataDirectory }, cancellationToken: Cancellation);
            var messages = await new QueueClient(second.Azurite.ConnectionString, "kept").PeekMessagesAsync(cancellationToken: Cancellation);
            Assert.Equal("survives", Assert.Single(messages.Value).Body.ToString());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void The_shared_stand_ins_give_the_app_its_settings()
    {
        var settings = shared.StandIns.AppSettings;

        Assert.Contains($"QueueEndpoint=http://127.0.0.1:{shared.StandIns.Azurite.QueuePort}/devstoreaccount1", settings["AzureWebJobsStorage"], StringComparison.Ordinal);
        Assert.Equal($"https://localhost:{shared.StandIns.Cosmos.Port}/", settings["Cosmos:Endpoint"]);
        Assert.Equal(CosmosStandIn.EmulatorKey, settings["Cosmos:Key"]);
        Assert.Equal("true", settings["Cosmos:AcceptLocalCertificate"]);
        Assert.Equal("true", Environment.GetEnvironmentVariable(CosmosStandIn.QueryPlanVariable));
    }

    [Fact]
    public async Task The_service_bus_stand_in_takes_the_apps_notifications()
    {
        await using var client = new ServiceBusClient(shared.StandIns.AppSettings["ServiceBus:ConnectionString"]);
        await using var sender = client.CreateSender("partner-notifications");
        await using var ghana = client.CreateReceiver("partner-notifications", "partner-gh-1");
        await using var nigeria = client.CreateReceiver("partner-notifications", "partner-ng-1");
        var message = new ServiceBusMessage("probe") { MessageId = Guid.NewGuid().ToString(), ApplicationProperties = { ["partnerId"] = "partner-gh-1" } };

        await sender.SendMessageAsync(message, Cancellation);
        var received = await ghana.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.Equal(message.MessageId, received?.MessageId);
        await ghana.CompleteMessageAsync(received!, Cancellation);
        Assert.Null(await nigeria.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Cancellation));
    }

    private static bool Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>As the app connects to the stand-in: gateway mode, its endpoint only, trusting its certificate alone.</summary>
    private static CosmosClient CosmosClientFor(CosmosStandIn cosmos) => new(
        cosmos.Endpoint.ToString(),
        CosmosStandIn.EmulatorKey,
        new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == cosmos.Certificate.Thumbprint,
            }),
        });

    private sealed record Probe(string Id, string Pk);
}
