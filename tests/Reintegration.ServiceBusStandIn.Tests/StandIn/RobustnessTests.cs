using System.Net.Sockets;
using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.StandIn;

/// <summary>Bad input gets the answer Service Bus would give and never takes the stand-in down.</summary>
public sealed class RobustnessTests
{
    static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Garbage_instead_of_AMQP_is_dropped_and_the_stand_in_keeps_serving()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();

        await SendRawAsync(standIn.StandIn.Port, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray());
        await SendRawAsync(standIn.StandIn.Port, Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray());

        await AssertStillServesAsync(standIn);
    }

    [Fact]
    public async Task A_malformed_frame_after_a_valid_protocol_header_closes_only_that_connection()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        byte[] saslHeader = "AMQP"u8.ToArray().Concat(new byte[] { 3, 1, 0, 0 }).ToArray();
        byte[] amqpHeader = "AMQP"u8.ToArray().Concat(new byte[] { 0, 1, 0, 0 }).ToArray();
        // A frame header that claims 16 MB, a wrong data offset and a made-up frame type, then noise.
        byte[] badFrame = [0x01, 0x00, 0x00, 0x00, 0x01, 0x77, 0x00, 0x00, 0xDE, 0xAD, 0xBE, 0xEF];

        await SendRawAsync(standIn.StandIn.Port, saslHeader.Concat(badFrame).ToArray());
        await SendRawAsync(standIn.StandIn.Port, amqpHeader.Concat(badFrame).ToArray());

        await AssertStillServesAsync(standIn);
    }

    [Fact]
    public async Task A_sender_cut_off_in_the_middle_of_a_message_leaves_nothing_half_stored()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        // The message spans several 64 KiB frames; the connection dies after about 100 KiB of it.
        await using var proxy = new CuttingProxy(standIn.StandIn.Port, cutAfterClientBytes: 100 * 1024);
        await using var doomed = new ServiceBusClient(proxy.ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(5) },
        });
        await using ServiceBusSender doomedSender = doomed.CreateSender("work");

        await Assert.ThrowsAnyAsync<Exception>(() => doomedSender.SendMessageAsync(new ServiceBusMessage(new byte[200 * 1024]) { MessageId = "cut" }, Cancelled));

        await using ServiceBusReceiver receiver = standIn.Client.CreateReceiver("work");
        Assert.Empty(await receiver.PeekMessagesAsync(10, cancellationToken: Cancelled));
        await AssertStillServesAsync(standIn);
    }

    [Fact]
    public async Task A_receiver_that_vanishes_holding_a_lock_loses_the_message_to_others_when_the_lock_expires()
    {
        const string Config = """
            { "UserConfig": { "Namespaces": [ { "Name": "ns", "Queues": [ { "Name": "work", "Properties": { "LockDuration": "PT1S" } } ] } ] } }
            """;
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync(Config);
        await using ServiceBusSender sender = standIn.Client.CreateSender("work");
        await sender.SendMessageAsync(new ServiceBusMessage("orphaned") { MessageId = "orphaned" }, Cancelled);
        await using var proxy = new CuttingProxy(standIn.StandIn.Port);
        await using var vanishing = new ServiceBusClient(proxy.ConnectionString);
        await using ServiceBusReceiver vanishingReceiver = vanishing.CreateReceiver("work");
        ServiceBusReceivedMessage? taken = await vanishingReceiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(taken);

        proxy.CutAll();
        await using ServiceBusReceiver survivor = standIn.Client.CreateReceiver("work");
        ServiceBusReceivedMessage? recovered = await survivor.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(recovered);
        Assert.Equal("orphaned", recovered.MessageId);
        Assert.Equal(2, recovered.DeliveryCount);
        await survivor.CompleteMessageAsync(recovered, Cancelled);
    }

    [Fact]
    public async Task An_outage_keeps_the_messages_and_the_subscriptions_made_at_run_time()
    {
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync();
        var administration = new Azure.Messaging.ServiceBus.Administration.ServiceBusAdministrationClient(
            standIn.StandIn.AdministrationConnectionString,
            new Azure.Messaging.ServiceBus.Administration.ServiceBusAdministrationClientOptions { Retry = { MaxRetries = 0 } });
        await administration.CreateSubscriptionAsync("notifications", "made-at-run-time", Cancelled);
        await using (ServiceBusSender before = standIn.Client.CreateSender("notifications"))
        {
            await before.SendMessageAsync(new ServiceBusMessage("before") { MessageId = "before" }, Cancelled);
        }
        await using (ServiceBusSender queued = standIn.Client.CreateSender("work"))
        {
            await queued.SendMessageAsync(new ServiceBusMessage("queued") { MessageId = "queued" }, Cancelled);
        }

        await standIn.StandIn.GoDownAsync();
        await using (ServiceBusClient during = standIn.NewClient())
        await using (ServiceBusSender refused = during.CreateSender("work"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => refused.SendMessageAsync(new ServiceBusMessage("during"), Cancelled));
        }
        await standIn.StandIn.ComeBackAsync();

        await using ServiceBusClient after = standIn.NewClient();
        Assert.True(await administration.SubscriptionExistsAsync("notifications", "made-at-run-time", Cancelled));
        foreach (var (entity, subscription, id) in new[] { ("notifications", "made-at-run-time", "before"), ("notifications", "all", "before"), ("work", "", "queued") })
        {
            await using ServiceBusReceiver receiver = subscription == "" ? after.CreateReceiver(entity) : after.CreateReceiver(entity, subscription);
            ServiceBusReceivedMessage? kept = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
            Assert.Equal(id, kept?.MessageId);
            await receiver.CompleteMessageAsync(kept!, Cancelled);
        }
        await AssertStillServesAsync(standIn);
    }

    static async Task SendRawAsync(int port, byte[] bytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("localhost", port, Cancelled);
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(bytes, Cancelled);
        await stream.FlushAsync(Cancelled);
        // Read whatever the stand-in answers (a protocol header, or nothing) until it closes, then disconnect.
        var answer = new byte[1024];
        using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(Cancelled);
        readTimeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            while (await stream.ReadAsync(answer, readTimeout.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
    }

    static async Task AssertStillServesAsync(PrivateStandIn standIn)
    {
        await using ServiceBusClient client = standIn.NewClient();
        await using ServiceBusSender sender = client.CreateSender("work");
        await using ServiceBusReceiver receiver = client.CreateReceiver("work");
        string id = Guid.NewGuid().ToString();
        await sender.SendMessageAsync(new ServiceBusMessage("still here") { MessageId = id }, Cancelled);
        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(received);
        Assert.Equal(id, received.MessageId);
        await receiver.CompleteMessageAsync(received, Cancelled);
    }
}
