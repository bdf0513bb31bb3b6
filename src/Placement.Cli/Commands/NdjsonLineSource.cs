using System.Buffers;
using System.Text;

namespace Placement.Cli.Commands;

/// <summary>
/// Splits NDJSON input into lines of UTF-8 bytes without decoding them (workers parse the bytes
/// directly). Reads a <see cref="Stream"/> in blocks, or a <see cref="TextReader"/> for in-process
/// callers. Blank lines are counted but not returned; a UTF-8 byte order mark is skipped. A line
/// longer than <see cref="MaxLineBytes"/> is not kept: its bytes are skipped up to the next
/// newline, and it is returned as <see cref="TooLong"/> (offset -1), so memory stays bounded.
/// </summary>
internal sealed class NdjsonLineSource
{
    private readonly Stream? _stream;
    private readonly TextReader? _text;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;
    private int _lineNumber;
    private bool _skipping;

    /// <summary>The longest line kept: 1 MiB (an assessment is about 1 KB).</summary>
    public const int MaxLineBytes = Assessment.DefaultMaxBytes;

    /// <summary>The offset given to a line that was too long.</summary>
    public const int TooLong = -1;

    public NdjsonLineSource(Stream stream) => _stream = stream;

    public NdjsonLineSource(TextReader text) => _text = text;

    /// <summary>
    /// Appends up to <paramref name="max"/> non-blank lines to <paramref name="bytes"/>, stopping
    /// early once it holds <paramref name="maxBytes"/> or more; false when the input is exhausted and none were added.
    /// </summary>
    public bool Fill(ArrayBufferWriter<byte> bytes, List<(int Line, int Offset, int Length)> lines, int max, int maxBytes = int.MaxValue)
    {
        while (lines.Count < max && bytes.WrittenCount < maxBytes)
        {
            if (!NextLine(out var line, out var tooLong)) break;
            _lineNumber++;
            if (tooLong)
            {
                lines.Add((_lineNumber, TooLong, 0));
                continue;
            }

            if (IsBlank(line)) continue;
            lines.Add((_lineNumber, bytes.WrittenCount, line.Length));
            bytes.Write(line);
        }

        return lines.Count > 0;
    }

    private bool NextLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        if (_text is not null)
        {
            var s = _text.ReadLine();
            line = s is null ? default : Encoding.UTF8.GetBytes(s);
            tooLong = s is not null && s.Length > MaxLineBytes;
            if (tooLong) line = default;
            return s is not null;
        }

        while (true)
        {
            if (_first && _end - _start >= 3)
            {
                if (_buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF) _start += 3;
                _first = false;
            }

            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (_skipping)
            {
                // Inside a line that is too long: drop what was read, up to its end.
                if (newline < 0 && !_eof)
                {
                    _start = _end = 0;
                    Read();
                    continue;
                }

                _skipping = false;
                _start = newline >= 0 ? _start + newline + 1 : _end;
                line = default;
                tooLong = true;
                return true;
            }

            if (newline < 0 && _end - _start > MaxLineBytes)
            {
                _skipping = true;
                continue;
            }

            if (newline >= 0 && newline > MaxLineBytes)
            {
                _start += newline + 1;
                line = default;
                tooLong = true;
                return true;
            }

            if (newline >= 0)
            {
                var length = newline > 0 && _buffer[_start + newline - 1] == '\r' ? newline - 1 : newline;
                line = _buffer.AsSpan(_start, length);
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                _first = false;
                if (_start == _end)
                {
                    line = default;
                    return false;
                }

                line = _buffer.AsSpan(_start, _end - _start);
                _start = _end;
                return true;
            }

            // Keep the partial line, grow the buffer for a very long one, and read on.
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            Read();
        }
    }

    private void Read()
    {
        var read = _stream!.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;
}
