using System.Buffers;
using Placement.Cli.Commands;

namespace Placement.Cli.Tests;

/// <summary>How batch cuts its input into chunks: by line count and by bytes, so memory stays bounded whatever the lines hold.</summary>
public sealed class NdjsonLineSourceTests
{
    [Fact]
    public void Fill_EndsAChunkOnceItHoldsTheByteLimit_AndTheNextChunkGoesOnFromThere()
    {
        var line = new string('x', 99);
        var source = new NdjsonLineSource(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line + "\n", 10)))));

        var counts = new List<int>();
        var numbers = new List<int>();
        while (true)
        {
            var bytes = new ArrayBufferWriter<byte>();
            var lines = new List<(int Line, int Offset, int Length)>();
            if (!source.Fill(bytes, lines, max: 1000, maxBytes: 250)) break;
            counts.Add(lines.Count);
            numbers.AddRange(lines.Select(l => l.Line));
            lines.Should().OnlyContain(l => l.Length == 99);
            bytes.WrittenCount.Should().Be(99 * lines.Count);
        }

        // 99 bytes a line: a chunk ends at the third line (297 bytes, past 250); none is lost or repeated.
        counts.Should().Equal(3, 3, 3, 1);
        numbers.Should().Equal(Enumerable.Range(1, 10));
    }

    [Fact]
    public void Fill_EndsAChunkAtTheLineLimit()
    {
        var source = new NdjsonLineSource(new MemoryStream("{}\n{}\n\n{}\n{}\n{}\n"u8.ToArray()));
        var lines = new List<(int Line, int Offset, int Length)>();

        source.Fill(new ArrayBufferWriter<byte>(), lines, max: 3).Should().BeTrue();

        // The blank third line is counted but not returned.
        lines.Select(l => l.Line).Should().Equal(1, 2, 4);
    }
}
