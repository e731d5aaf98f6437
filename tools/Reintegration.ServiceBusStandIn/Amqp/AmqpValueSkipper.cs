using System.Buffers.Binary;

namespace Reintegration.ServiceBusStandIn.Amqp;

/// <summary>
/// Walks AMQP 1.0 encoded values by their format codes without decoding them, so message sections
/// can be cut out and forwarded byte for byte (which keeps every property's exact AMQP type).
/// </summary>
static class AmqpValueSkipper
{
    /// <summary>Returns the offset just past the value that starts at <paramref name="offset"/>.</summary>
    public static int Skip(ReadOnlySpan<byte> data, int offset)
    {
        byte code = Byte(data, offset);
        int next = offset + 1;
        if (code == 0x00)
        {
            // Described value: a descriptor followed by the value.
            return Skip(data, Skip(data, next));
        }

        long width = (code & 0xF0) switch
        {
            0x40 => 0,
            0x50 => 1,
            0x60 => 2,
            0x70 => 4,
            0x80 => 8,
            0x90 => 16,
            0xA0 or 0xC0 or 0xE0 => 1L + Byte(data, next),
            0xB0 or 0xD0 or 0xF0 => 4L + Length32(data, next),
            _ => throw new InvalidDataException($"Unknown AMQP format code 0x{code:x2} at offset {offset}."),
        };
        return Within(data, next + width);
    }

    static byte Byte(ReadOnlySpan<byte> data, int offset) =>
        offset < data.Length ? data[offset] : throw new InvalidDataException("The AMQP message ends in the middle of a value.");

    static int Length32(ReadOnlySpan<byte> data, int offset)
    {
        if (offset + 4 > data.Length)
        {
            throw new InvalidDataException("The AMQP message ends in the middle of a size.");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
        return length > int.MaxValue ? throw new InvalidDataException("AMQP value too large.") : (int)length;
    }

    static int Within(ReadOnlySpan<byte> data, long end) =>
        end <= data.Length ? (int)end : throw new InvalidDataException("The AMQP message ends in the middle of a value.");
}
