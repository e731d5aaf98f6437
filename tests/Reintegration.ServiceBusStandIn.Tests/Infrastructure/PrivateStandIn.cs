using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Configuration;

namespace Reintegration.ServiceBusStandIn.Tests.Infrastructure;

/// <summary>A stand-in of a test's own, from a JSON configuration string, with a client that does not retry.</summary>
public sealed class PrivateStandIn : IAsyncDisposable
{
    PrivateStandIn(ServiceBusStandIn standIn, CapturingLogger log)
    {
        StandIn = standIn;
        Log = log;
        Client = NewClient();
    }

    public ServiceBusStandIn StandIn { get; }

    public CapturingLogger Log { get; }

    public ServiceBusClient Client { get; }

    /// <summary>One queue "work" and a topic "notifications" with subscription "all"; or the given JSON.</summary>
    public static async Task<PrivateStandIn> StartAsync(string? configJson = null, TimeProvider? time = null)
    {
        var log = new CapturingLogger();
        StandInConfig config = StandInConfig.Parse(configJson ?? DefaultConfig);
        return new PrivateStandIn(await ServiceBusStandIn.StartAsync(config, port: 0, log, time), log);
    }

    public ServiceBusClient NewClient() => new(StandIn.ConnectionString, new ServiceBusClientOptions
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(10) },
    });

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await StandIn.DisposeAsync();
    }

    const string DefaultConfig = """
        {
          "UserConfig": {
            "Namespaces": [
              {
                "Name": "sbemulatorns",
                "Queues": [ { "Name": "work", "Properties": { "LockDuration": "PT30S", "MaxDeliveryCount": 3 } } ],
                "Topics": [ { "Name": "notifications", "Subscriptions": [ { "Name": "all" } ] } ]
              }
            ]
          }
        }
        """;
}
