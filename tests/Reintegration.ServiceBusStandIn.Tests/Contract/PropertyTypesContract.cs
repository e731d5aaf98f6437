using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class PropertyTypesContract(ContractTarget target) : ContractTests(target)
{
    const string Queue = "contract-property-types";

    /// <summary>Every type the SDK allows as an application property, with a value that shows truncation.</summary>
    public static readonly Dictionary<string, object> Properties = new()
    {
        ["string"] = "Grüße, partner",
        ["bool"] = true,
        ["byte"] = (byte)200,
        ["sbyte"] = (sbyte)-100,
        ["short"] = (short)-30000,
        ["ushort"] = (ushort)60000,
        ["int"] = -2_000_000_000,
        ["uint"] = 4_000_000_000u,
        ["long"] = long.MinValue + 1,
        ["ulong"] = ulong.MaxValue - 1,
        ["float"] = 1.5f,
        ["double"] = Math.PI,
        ["decimal"] = 12345.6789m,
        ["char"] = 'ß',
        ["guid"] = Guid.Parse("5d4c2a1e-9b8f-4e3d-8c7b-6a5f4e3d2c1b"),
        ["datetime"] = new DateTime(2025, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc),
        ["datetimeoffset"] = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero),
        ["timespan"] = TimeSpan.FromMinutes(90.5),
        ["uri"] = new Uri("https://partner.example/notifications/1"),
        ["bytes"] = new byte[] { 1, 2, 3, 255 },
    };

    [Fact]
    public async Task Application_properties_keep_their_exact_types_and_values()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        var message = new ServiceBusMessage("typed") { MessageId = NewId("types") };
        foreach ((string key, object value) in Properties)
        {
            message.ApplicationProperties[key] = value;
        }

        await sender.SendMessageAsync(message, Cancelled);
        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(received);
        foreach ((string key, object expected) in Properties)
        {
            Assert.True(received.ApplicationProperties.TryGetValue(key, out object? actual), $"property '{key}' is missing");
            Assert.IsType(expected.GetType(), actual);
            Assert.Equal(expected, actual);
        }

        await receiver.CompleteMessageAsync(received, Cancelled);
    }

    [Fact]
    public async Task System_properties_and_binary_body_survive()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        byte[] body = [0, 1, 2, 3, 254, 255];
        var message = new ServiceBusMessage(body)
        {
            MessageId = NewId("system"),
            CorrelationId = "correlation-42",
            ContentType = "application/octet-stream",
            Subject = "partner.notified",
            To = "partner-gh-001",
            ReplyTo = "replies",
            TimeToLive = TimeSpan.FromMinutes(30),
        };

        await sender.SendMessageAsync(message, Cancelled);
        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(received);
        Assert.Equal(body, received.Body.ToArray());
        Assert.Equal(message.MessageId, received.MessageId);
        Assert.Equal("correlation-42", received.CorrelationId);
        Assert.Equal("application/octet-stream", received.ContentType);
        Assert.Equal("partner.notified", received.Subject);
        Assert.Equal("partner-gh-001", received.To);
        Assert.Equal("replies", received.ReplyTo);
        Assert.Equal(TimeSpan.FromMinutes(30), received.TimeToLive);
        Assert.InRange(received.ExpiresAt, received.EnqueuedTime.AddMinutes(30).AddSeconds(-5), received.EnqueuedTime.AddMinutes(30).AddSeconds(5));
        await receiver.CompleteMessageAsync(received, Cancelled);
    }
}

public sealed class PropertyTypesOnStandIn(StandInFixture standIn) : PropertyTypesContract(standIn.Target);

public sealed class PropertyTypesOnExternalNamespace() : PropertyTypesContract(ContractTarget.External);
