using System.Text;

namespace GongCrmBridge.Sources;

/// <summary>Finds physical lines in an export's bytes, the way CsvHelper counts them (CR, LF and CRLF each end a line),
/// to resume reading after a record CsvHelper could not get past, and to find where such a record really ends.</summary>
/// <remarks>Works on code units: bytes for UTF-8 and single-byte encodings (a quote, CR or LF byte is never part of a
/// multi-byte UTF-8 sequence), 16-bit units for UTF-16. Only used after a fault, so it favours being simple.</remarks>
internal sealed class PhysicalLines
{
    private const int Quote = '"';
    private const int Cr = '\r';
    private const int Lf = '\n';

    private readonly Stream _stream;
    private readonly int _unit;
    private readonly bool _bigEndian;
    private readonly int _separator;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private int _index;
    private long _bufferStart;

    private PhysicalLines(Stream stream, Encoding? encoding, char separator)
    {
        _stream = stream;
        Encoding = DetectEncoding(stream, encoding);
        _unit = Encoding is UnicodeEncoding ? 2 : 1;
        _bigEndian = Encoding?.CodePage == Encoding.BigEndianUnicode.CodePage;
        _separator = separator;
        stream.Position = 0;
    }

    /// <summary>Gets the encoding to read with from a line start (a byte order mark at the start of the file decides it).</summary>
    public Encoding? Encoding { get; }

    /// <summary>Moves <paramref name="stream"/> to the first byte of 1-based <paramref name="line"/> (its end when the file
    /// has fewer lines).</summary>
    /// <returns>The encoding to read from there with.</returns>
    public static Encoding? SeekToLine(Stream stream, Encoding? encoding, long line)
    {
        var lines = new PhysicalLines(stream, encoding, ',');
        var position = lines.SkipLines(line - 1);
        stream.Position = position;
        return lines.Encoding;
    }

    /// <summary>Follows the record that starts on <paramref name="line"/> through its quotes.</summary>
    /// <returns>The last physical line of the record, or null when a quote it opens is never closed.</returns>
    public static long? RecordEndLine(Stream stream, Encoding? encoding, char separator, long line)
    {
        var lines = new PhysicalLines(stream, encoding, separator);
        lines.SkipLines(line - 1);
        return lines.FollowRecord(line);
    }

    private static Encoding? DetectEncoding(Stream stream, Encoding? encoding)
    {
        Span<byte> bom = stackalloc byte[3];
        stream.Position = 0;
        var length = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        return length switch
        {
            >= 2 when bom[0] == 0xFF && bom[1] == 0xFE => Encoding.Unicode,
            >= 2 when bom[0] == 0xFE && bom[1] == 0xFF => Encoding.BigEndianUnicode,
            3 when bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF => null,
            _ => encoding,
        };
    }

    /// <summary>Skips <paramref name="count"/> lines; returns the byte position after them.</summary>
    private long SkipLines(long count)
    {
        while (count > 0)
        {
            var unit = Next();
            if (unit < 0)
            {
                break;
            }

            if (unit == Cr)
            {
                SkipLineFeed(); // CRLF is one line break
                count--;
            }
            else if (unit == Lf)
            {
                count--;
            }
        }

        return Position;
    }

    private long? FollowRecord(long line)
    {
        var quoted = false;
        var fieldStart = true;
        while (true)
        {
            var unit = Next();
            if (unit < 0)
            {
                return quoted ? null : line;
            }

            if (quoted)
            {
                if (unit == Quote)
                {
                    if (Peek() == Quote)
                    {
                        Next();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (unit == Lf || unit == Cr)
                {
                    if (unit == Cr)
                    {
                        SkipLineFeed();
                    }

                    line++;
                }

                continue;
            }

            if (unit == Lf || unit == Cr)
            {
                return line;
            }

            quoted = fieldStart && unit == Quote;
            fieldStart = unit == _separator;
        }
    }

    private long Position => _bufferStart + _index;

    /// <summary>After a CR: consumes a following LF; returns whether there was one.</summary>
    private bool SkipLineFeed()
    {
        if (Peek() != Lf)
        {
            return false;
        }

        Next();
        return true;
    }

    private int Peek()
    {
        var unit = Next();
        if (unit >= 0)
        {
            _index -= _unit;
        }

        return unit;
    }

    private int Next()
    {
        if (_index + _unit > _length)
        {
            var keep = _length - _index;
            _bufferStart += _index;
            _buffer.AsSpan(_index, keep).CopyTo(_buffer);
            _length = keep + _stream.ReadAtLeast(_buffer.AsSpan(keep), _unit, throwOnEndOfStream: false);
            _index = 0;
            if (_length < _unit)
            {
                return -1;
            }
        }

        int value = _unit == 1
            ? _buffer[_index]
            : _bigEndian ? (_buffer[_index] << 8) | _buffer[_index + 1] : _buffer[_index] | (_buffer[_index + 1] << 8);
        _index += _unit;
        return value;
    }
}
