using System.Text;

namespace GongCrmBridge.Sources;

/// <summary>Positions a stream at the start of a given physical line, to resume reading after an oversized record.</summary>
internal static class LineSeeker
{
    /// <summary>Moves <paramref name="stream"/> (at its start) to the first byte of 1-based <paramref name="line"/>, or
    /// to its end when the file has fewer lines.</summary>
    /// <returns>The encoding to read from there with (a byte order mark at the start of the file decides it).</returns>
    public static Encoding? SeekToLine(Stream stream, Encoding? encoding, long line)
    {
        Span<byte> bom = stackalloc byte[3];
        var bomLength = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (bomLength >= 2 && bom[0] == 0xFF && bom[1] == 0xFE)
        {
            encoding = Encoding.Unicode;
        }
        else if (bomLength >= 2 && bom[0] == 0xFE && bom[1] == 0xFF)
        {
            encoding = Encoding.BigEndianUnicode;
        }
        else if (bomLength == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            encoding = null;
        }

        stream.Position = 0;
        var unit = encoding is UnicodeEncoding ? 2 : 1;
        var bigEndian = encoding?.CodePage == Encoding.BigEndianUnicode.CodePage;
        var toSkip = line - 1;
        var buffer = new byte[64 * 1024];
        long position = 0;
        while (toSkip > 0)
        {
            var read = stream.ReadAtLeast(buffer, unit, throwOnEndOfStream: false);
            read -= read % unit;
            if (read == 0)
            {
                stream.Position = stream.Length;
                return encoding;
            }

            for (var i = 0; i < read; i += unit)
            {
                var isLineFeed = unit == 1
                    ? buffer[i] == (byte)'\n'
                    : bigEndian ? buffer[i] == 0 && buffer[i + 1] == (byte)'\n' : buffer[i] == (byte)'\n' && buffer[i + 1] == 0;
                if (isLineFeed && --toSkip == 0)
                {
                    stream.Position = position + i + unit;
                    return encoding;
                }
            }

            position += read;
            stream.Position = position;
        }

        stream.Position = 0;
        return encoding;
    }
}
