using System.Text;
using Reintegration.Core.Imports;

namespace Reintegration.Core.Tests.Search;

/// <summary>Import files are read as lines with exact byte positions, so a batch resumes where the last one ended.</summary>
public class JsonLinesTests
{
    private static async Task<List<FileLine>> Read(byte[] file, int firstNumber = 1, long from = 0, int max = 1000)
    {
        var lines = new List<FileLine>();
        await foreach (var line in JsonLines.ReadAsync(new MemoryStream(file, (int)from, file.Length - (int)from), firstNumber, from, max, CancellationToken.None))
        {
            lines.Add(line);
        }
        return lines;
    }

    [Fact]
    public async Task Resuming_from_the_end_of_any_line_reads_exactly_the_lines_after_it()
    {
        var file = Encoding.UTF8.GetBytes("{\"a\":\"é\"}\r\n\n{\"b\":2}\n{\"c\":3}");
        var all = await Read(file);
        Assert.Equal([1, 2, 3, 4], all.Select(l => l.Number));
        Assert.Equal("{\"a\":\"é\"}", Encoding.UTF8.GetString(all[0].Bytes!));
        Assert.Empty(all[1].Bytes!);
        Assert.Equal(file.Length, all[^1].EndsAt);

        foreach (var (line, i) in all.Select((l, i) => (l, i)))
        {
            var rest = await Read(file, line.Number + 1, line.EndsAt);
            Assert.Equal(all.Skip(i + 1).Select(l => (l.Number, Encoding.UTF8.GetString(l.Bytes!), l.EndsAt)),
                rest.Select(l => (l.Number, Encoding.UTF8.GetString(l.Bytes!), l.EndsAt)));
        }
    }

    [Fact]
    public async Task A_line_over_the_limit_is_marked_not_read_and_the_next_one_is_read_whole()
    {
        var file = Encoding.UTF8.GetBytes(new string('x', 50) + "\n{}\n");
        var lines = await Read(file, max: 10);
        Assert.True(lines[0].TooLong);
        Assert.Equal("{}", Encoding.UTF8.GetString(lines[1].Bytes!));
    }
}
