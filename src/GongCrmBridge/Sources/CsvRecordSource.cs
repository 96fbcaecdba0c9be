using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace GongCrmBridge.Sources;

/// <summary>Reads a CSV export with CsvHelper's UTF-8 span API, copying only the requested fields into chunks.</summary>
internal sealed class CsvRecordSource : IRecordSource
{
    private const int ReadBufferBytes = 256 * 1024;

    private readonly SourceSpec _spec;
    private readonly IReadOnlyList<string> _columns;
    private readonly SourceReadOptions _options;
    private readonly char _separator;
    private readonly Encoding? _encoding;
    private readonly string[] _header;
    private readonly int[] _fieldIndexes;

    public CsvRecordSource(SourceSpec spec, IReadOnlyList<string> columns, SourceReadOptions options)
    {
        _spec = spec;
        _columns = columns;
        _options = options;
        _separator = ParseDelimiter(spec.Delimiter);
        _encoding = SourceEncodings.Resolve(spec.Encoding);
        _header = HeaderNames.Disambiguate(ReadHeader(spec, _separator, _encoding), out var repeated);
        RepeatedHeaderNames = repeated;
        _fieldIndexes = ResolveColumns(_header, columns);
        MissingColumns = [.. columns.Where((_, i) => _fieldIndexes[i] < 0)];
    }

    public string Path => _spec.Path;

    public IReadOnlyList<string> MissingColumns { get; }

    public IReadOnlyList<string> RepeatedHeaderNames { get; }

    public static char ParseDelimiter(string delimiter) =>
        TryParseDelimiter(delimiter, out var separator)
            ? separator
            : throw new ArgumentException(
                "The CSV delimiter must be one ASCII character other than a quote or a line break (or \\t).", nameof(delimiter));

    public static bool TryParseDelimiter(string? delimiter, out char separator)
    {
        separator = delimiter switch
        {
            null or "" => ',',
            "\\t" or "tab" or "TAB" => '\t',
            { Length: 1 } d => d[0],
            _ => '\0',
        };
        return separator is > '\0' and < (char)128 and not '"' and not '\r' and not '\n';
    }

    /// <summary>The header names; without a header, "1".."N" after the first record's field count.</summary>
    public static string[] ReadHeader(SourceSpec spec, char separator, Encoding? encoding)
    {
        using var reader = CsvReader.FromFile(spec.Path, CreateOptions(separator, encoding, spec.HasHeader, int.MaxValue, null));
        try
        {
            if (spec.HasHeader)
            {
                return [.. reader.Headers];
            }

            var count = reader.Read() ? reader.FieldCount : 0;
            return [.. Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        }
        catch (CsvFormatException)
        {
            // A header that cannot be read has no columns: every requested column is reported missing.
            return [];
        }
    }

    /// <summary>For each requested column, its field index in <paramref name="header"/>, or -1.</summary>
    public static int[] ResolveColumns(string[] header, IReadOnlyList<string> columns)
    {
        var indexes = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var index = Array.IndexOf(header, columns[i]);
            if (index < 0)
            {
                var wanted = columns[i].Trim();
                index = Array.FindIndex(header, h => string.Equals(h.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
            }

            indexes[i] = index;
        }

        return indexes;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async IAsyncEnumerable<SourceChunk> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunkSize = _options.ChunkSize;
        var maxBytes = _options.MaxRecordChars;
        var expectedFields = _header.Length;
        var columnCount = _columns.Count;
        var state = new ReadState();
        var chunk = new SourceChunk(_spec.Path, columnCount, chunkSize);
        var reader = OpenReader(state, resumeAtLine: 0);
        try
        {
            if (_spec.HasHeader)
            {
                await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            }

            while (true)
            {
                bool read;
                try
                {
                    read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (CsvFormatException e)
                {
                    // Only an oversized record throws (quoting problems are reported through OnMalformedRecord).
                    // CsvHelper cannot go past it: reopen the file on the line after the record's first line.
                    state.FlushInto(chunk);
                    var badLine = e.LineNumber + state.LineOffset;
                    chunk.AddProblem(badLine, TooLargeReason(maxBytes));
                    await reader.DisposeAsync().ConfigureAwait(false);
                    reader = OpenReader(state, resumeAtLine: badLine + 1);
                    continue;
                }

                state.FlushInto(chunk);
                if (!read)
                {
                    break;
                }

                var line = reader.LineNumber + state.LineOffset;
                var fieldCount = reader.FieldCount;
                if (fieldCount != expectedFields)
                {
                    chunk.AddProblem(line, string.Create(
                        CultureInfo.InvariantCulture,
                        $"The record has {fieldCount} fields where the header has {expectedFields}."));
                }
                else if (reader.RawRecord.Length > maxBytes)
                {
                    chunk.AddProblem(line, TooLargeReason(maxBytes));
                }
                else
                {
                    chunk.BeginRecord(line);
                    for (var c = 0; c < columnCount; c++)
                    {
                        var index = _fieldIndexes[c];
                        if (index < 0)
                        {
                            chunk.AddCell(c, []);
                        }
                        else
                        {
                            chunk.AddCellUtf8(c, reader.GetSpan(index));
                        }
                    }
                }

                if (chunk.Count >= chunkSize)
                {
                    yield return chunk;
                    chunk = new SourceChunk(_spec.Path, columnCount, chunkSize);
                }
            }
        }
        finally
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static string TooLargeReason(int maxBytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"The record is larger than {maxBytes} characters (an unclosed quote?); reading resumed on the next line.");

    private static CsvReaderOptions CreateOptions(
        char separator, Encoding? encoding, bool hasHeader, int maxRecordBytes, Action<CsvMalformedRecord>? onMalformed) => new()
        {
            Separator = separator,
            HasHeader = hasHeader,
            Encoding = encoding,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
            DetectSeparatorHint = false,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MaxRecordSize = maxRecordBytes,
            BufferSize = ReadBufferBytes,
            OnMalformedRecord = onMalformed,
        };

    private static string MalformedReason(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "Malformed CSV: a quote inside an unquoted field.",
        CsvMalformedReason.TextAfterClosingQuote => "Malformed CSV: text after the closing quote of a quoted field.",
        CsvMalformedReason.UnterminatedQuote => "Malformed CSV: a quoted field is never closed.",
        CsvMalformedReason.LineBreakInQuotes => "Malformed CSV: a line break inside a quoted field.",
        CsvMalformedReason.FieldCountMismatch => "The record's field count differs from the header's.",
        _ => "Malformed CSV record.",
    };

    private CsvReader OpenReader(ReadState state, long resumeAtLine)
    {
        var options = CreateOptions(
            _separator,
            _encoding,
            _spec.HasHeader && resumeAtLine == 0,
            _options.MaxRecordChars,
            m => state.Pending.Add((m.LineNumber + state.LineOffset, MalformedReason(m.Reason))));
        if (resumeAtLine == 0)
        {
            state.LineOffset = 0;
            return CsvReader.FromFile(_spec.Path, options);
        }

        var stream = new FileStream(_spec.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            var encoding = LineSeeker.SeekToLine(stream, _encoding, resumeAtLine);
            state.LineOffset = resumeAtLine - 1;
            return CsvReader.Create(stream, options with { Encoding = encoding }, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Problems reported by CsvHelper while it looks for the next record, and the line shift after a resume.</summary>
    private sealed class ReadState
    {
        public List<(long Line, string Reason)> Pending { get; } = [];

        public long LineOffset { get; set; }

        public void FlushInto(SourceChunk chunk)
        {
            if (Pending.Count == 0)
            {
                return;
            }

            foreach (var (line, reason) in Pending)
            {
                chunk.AddProblem(line, reason);
            }

            Pending.Clear();
        }
    }
}
