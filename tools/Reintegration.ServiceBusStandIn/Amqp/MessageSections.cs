using System.Buffers.Binary;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>The section codes of an AMQP 1.0 message (the descriptors of its described lists and maps).</summary>
enum SectionCode : ulong
{
    Header = 0x70,
    DeliveryAnnotations = 0x71,
    MessageAnnotations = 0x72,
    Properties = 0x73,
    ApplicationProperties = 0x74,
    Data = 0x75,
    AmqpSequence = 0x76,
    AmqpValue = 0x77,
    Footer = 0x78,
}

/// <summary>One section of an encoded message: where it starts and ends in the payload.</summary>
readonly record struct MessageSection(SectionCode Code, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>Cuts an encoded AMQP message into its sections.</summary>
static class MessageSections
{
    public static List<MessageSection> Split(ReadOnlySpan<byte> payload)
    {
        var sections = new List<MessageSection>();
        int offset = 0;
        while (offset < payload.Length)
        {
            if (payload[offset] != 0x00)
            {
                throw new InvalidDataException($"Expected a message section at offset {offset}.");
            }

            SectionCode code = ReadDescriptor(payload, offset + 1);
            int end = AmqpValueSkipper.Skip(payload, offset);
            sections.Add(new MessageSection(code, offset, end));
            offset = end;
        }

        return sections;
    }

    /// <summary>The binary content of a Data section (for batches: one encoded message).</summary>
    public static ReadOnlyMemory<byte> DataContent(ReadOnlyMemory<byte> payload, MessageSection section)
    {
        ReadOnlySpan<byte> span = payload.Span;
        // The section was already walked by Split, so the sizes below lie within the payload.
        int valueStart = AmqpValueSkipper.Skip(span, section.Start + 1);
        return span[valueStart] switch
        {
            0xA0 => payload.Slice(valueStart + 2, span[valueStart + 1]),
            0xB0 => payload.Slice(valueStart + 5, (int)BinaryPrimitives.ReadUInt32BigEndian(span[(valueStart + 1)..])),
            _ => throw new InvalidDataException("A data section does not hold binary."),
        };
    }

    static SectionCode ReadDescriptor(ReadOnlySpan<byte> payload, int offset)
    {
        if (offset >= payload.Length)
        {
            throw new InvalidDataException("The message ends after a section marker.");
        }

        ulong code = payload[offset] switch
        {
            0x53 when offset + 1 < payload.Length => payload[offset + 1],
            0x80 when offset + 8 < payload.Length => BinaryPrimitives.ReadUInt64BigEndian(payload[(offset + 1)..]),
            0x44 => 0,
            _ => throw new InvalidDataException($"Unsupported section descriptor at offset {offset}."),
        };
        return code is >= 0x70 and <= 0x78
            ? (SectionCode)code
            : throw new InvalidDataException($"0x{code:x} is not a message section descriptor.");
    }
}
