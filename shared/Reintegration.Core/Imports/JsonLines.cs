namespace Reintegration.Core.Imports;

/// <summary>One line of an import file, with where the next one starts (so a batch can resume from a byte).</summary>
public sealed record FileLine(int Number, byte[]? Bytes, long EndsAt)
{
    /// <summary>Longer than the file's limit for a row: not read whole.</summary>
    public bool TooLong => Bytes is null;
}

/// <summary>Reads lines as bytes, counting them and their bytes exactly (a line ends at \n; a \r before it is dropped).</summary>
public static class JsonLines
{
    public static async IAsyncEnumerable<FileLine> ReadAsync(Stream stream, int firstNumber, long startsAt, int maxLineBytes,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        var tooLong = false;
        var number = firstNumber;
        var position = startsAt;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }
                Append(line, buffer, start, i - start, maxLineBytes, ref tooLong);
                position += i - start + 1;
                yield return Complete(number++, line, ref tooLong, position);
                start = i + 1;
            }
            Append(line, buffer, start, read - start, maxLineBytes, ref tooLong);
            position += read - start;
        }
        if (line.Length > 0 || tooLong)
        {
            yield return Complete(number, line, ref tooLong, position);
        }
    }

    private static void Append(MemoryStream line, byte[] buffer, int start, int count, int max, ref bool tooLong)
    {
        if (tooLong || count == 0)
        {
            return;
        }
        if (line.Length + count > max)
        {
            tooLong = true;
            line.SetLength(0);
            return;
        }
        line.Write(buffer, start, count);
    }

    private static FileLine Complete(int number, MemoryStream line, ref bool tooLong, long endsAt)
    {
        byte[]? bytes = null;
        if (!tooLong)
        {
            bytes = line.ToArray();
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            {
                bytes = bytes[..^1];
            }
        }
        line.SetLength(0);
        tooLong = false;
        return new FileLine(number, bytes, endsAt);
    }
}
