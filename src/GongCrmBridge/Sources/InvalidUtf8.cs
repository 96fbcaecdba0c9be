using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace GongCrmBridge.Sources;

/// <summary>Finds bytes that are not UTF-8 in a record read as UTF-8, and says where they are, so a file in another
/// encoding is rejected record by record instead of being sent with U+FFFD in place of its letters.</summary>
internal static class InvalidUtf8
{
    /// <summary>Returns why <paramref name="record"/> (starting on physical line <paramref name="line"/>) is not UTF-8,
    /// naming the 1-based byte offset within the physical line of the first bad byte; null when it is valid.</summary>
    public static string? Problem(ReadOnlySpan<byte> record, long line)
    {
        if (Utf8.IsValid(record))
        {
            return null;
        }

        var offset = FirstInvalidByte(record);
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            var b = record[i];
            if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 >= record.Length || record[i + 1] != (byte)'\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"Invalid UTF-8 at byte {offset - lineStart + 1} of line {line}: the export is not in the encoding the job declares (UTF-8 unless source.encoding says otherwise, e.g. windows-1252 or latin1).");
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
