using Reintegration.ServiceBusStandIn.Amqp;

namespace Reintegration.ServiceBusStandIn.Tests.Units;

/// <summary>Malformed message bytes are refused as decode errors (the link answers Rejected amqp:decode-error).</summary>
public sealed class EncodedMessageTests
{
    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "not a section", [0x41, 0x42] },
        { "section cut short", [0x00, 0x53, 0x75, 0xA0, 0x10, 0x01] },
        { "unknown descriptor", [0x00, 0x53, 0x10, 0x45] },
        { "unknown format code in a map", [0x00, 0x53, 0x74, 0xC1, 0x04, 0x02, 0x99, 0x99, 0x99] },
        { "size beyond the payload", [0x00, 0x53, 0x75, 0xB0, 0x7F, 0xFF, 0xFF, 0xFF, 0x00] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_bytes_are_refused(string what, byte[] payload)
    {
        Assert.NotNull(what);
        Assert.Throws<InvalidDataException>(() => EncodedMessage.Parse(payload));
    }

    [Fact]
    public void A_data_only_message_parses_with_empty_properties()
    {
        EncodedMessage message = EncodedMessage.Parse([0x00, 0x53, 0x75, 0xA0, 0x02, 0x68, 0x69]);

        Assert.Null(message.MessageId);
        Assert.Equal(7, message.BodyAndFooter.Length);
        Assert.Empty(message.FilterView.ApplicationProperties);
    }
}
