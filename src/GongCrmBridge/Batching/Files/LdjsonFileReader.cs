namespace GongCrmBridge.Batching.Files;

/// <summary>Reads an LDJSON file written by <see cref="LdjsonFileWriter"/> back, line by line with its origin.</summary>
internal static class LdjsonFileReader
{
    /// <summary>Calls <paramref name="handler"/> for every line of <paramref name="ldjsonPath"/>, in order.</summary>
    /// <exception cref="InvalidDataException">The file and its line map disagree on the number of lines.</exception>
    public static void Read(string ldjsonPath, string lineMapPath, LdjsonLineHandler handler, CancellationToken cancellationToken)
    {
        using var map = BatchLineMap.Open(lineMapPath);
        using var origins = map.All().GetEnumerator();
        using var input = new FileStream(ldjsonPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.SequentialScan);
        var buffer = new byte[1024 * 1024];
        int start = 0, length = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start, length).IndexOf((byte)'\n');
            if (newline < 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (start > 0)
                {
                    buffer.AsSpan(start, length).CopyTo(buffer);
                    start = 0;
                }

                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = input.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    if (length > 0)
                    {
                        Emit(buffer.AsSpan(start, length));
                    }

                    break;
                }

                length += read;
                continue;
            }

            Emit(buffer.AsSpan(start, newline));
            start += newline + 1;
            length -= newline + 1;
        }

        if (origins.MoveNext())
        {
            throw new InvalidDataException("The line map has more lines than the LDJSON file.");
        }

        void Emit(ReadOnlySpan<byte> json)
        {
            if (!origins.MoveNext())
            {
                throw new InvalidDataException("The LDJSON file has more lines than its line map.");
            }

            handler(json, origins.Current);
        }
    }
}
