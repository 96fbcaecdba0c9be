using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GongCrmBridge.Sources;

/// <summary>Reads a JSON Lines export with System.IO.Pipelines and <see cref="Utf8JsonReader"/>, one object per line.</summary>
/// <remarks>A line longer than <see cref="SourceReadOptions.MaxRecordChars"/> bytes is skipped as it streams past, never
/// buffered whole.</remarks>
internal sealed class JsonLinesRecordSource : IRecordSource
{
    private readonly SourceSpec _spec;
    private readonly SourceReadOptions _options;
    private readonly JsonPathTree _paths;
    private readonly int _columnCount;

    public JsonLinesRecordSource(SourceSpec spec, IReadOnlyList<string> columns, SourceReadOptions options)
    {
        _spec = spec;
        _options = options;
        _columnCount = columns.Count;
        _paths = new JsonPathTree(columns);
    }

    public string Path => _spec.Path;

    public IReadOnlyList<string> MissingColumns => [];

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async IAsyncEnumerable<SourceChunk> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunkSize = _options.ChunkSize;
        var maxBytes = _options.MaxRecordChars;
        var stream = OpenUtf8(_spec, out var transcoded);
        var parser = new JsonLineParser(_paths, _columnCount, checkUtf8: !transcoded);
        var chunk = new SourceChunk(_spec.Path, _columnCount, chunkSize);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: false));
        long line = 0;
        var skipping = false;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryTakeLine(ref buffer, out var lineBytes))
                {
                    line++;
                    if (skipping)
                    {
                        // The end of an oversized line: its start was dropped as it streamed past.
                        skipping = false;
                        chunk.AddProblem(line, TooLargeReason(maxBytes));
                    }
                    else
                    {
                        parser.ParseLine(lineBytes, line, line == 1, maxBytes, chunk);
                    }

                    if (chunk.Count >= chunkSize)
                    {
                        yield return chunk;
                        chunk = new SourceChunk(_spec.Path, _columnCount, chunkSize);
                    }
                }

                if (result.IsCompleted)
                {
                    if (skipping)
                    {
                        chunk.AddProblem(line + 1, TooLargeReason(maxBytes));
                    }
                    else if (!buffer.IsEmpty)
                    {
                        parser.ParseLine(buffer, line + 1, line == 0, maxBytes, chunk);
                    }

                    reader.AdvanceTo(buffer.End);
                    break;
                }

                if (skipping || buffer.Length > maxBytes + 2)
                {
                    // No line break within the limit: drop what we have and keep dropping until the line ends.
                    skipping = true;
                    reader.AdvanceTo(buffer.End);
                }
                else
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>Opens the export as UTF-8: a UTF-16 byte order mark, or a <c>source.encoding</c> other than UTF-8, has the
    /// file transcoded as it streams (line breaks stay line breaks, so line numbers do not move).</summary>
    private static Stream OpenUtf8(SourceSpec spec, out bool transcoded)
    {
        var stream = new FileStream(spec.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            Span<byte> bom = stackalloc byte[2];
            var length = stream.ReadAtLeast(bom, 2, throwOnEndOfStream: false);
            stream.Position = 0;
            var encoding = length == 2 && bom[0] == 0xFF && bom[1] == 0xFE ? System.Text.Encoding.Unicode
                : length == 2 && bom[0] == 0xFE && bom[1] == 0xFF ? System.Text.Encoding.BigEndianUnicode
                : SourceEncodings.Resolve(spec.Encoding);
            transcoded = encoding is not null;
            return encoding is null ? stream : System.Text.Encoding.CreateTranscodingStream(stream, encoding, System.Text.Encoding.UTF8, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    internal static string TooLargeReason(int maxBytes) => string.Create(
        CultureInfo.InvariantCulture, $"The line is longer than {maxBytes} characters.");

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, position.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
        return true;
    }
}
