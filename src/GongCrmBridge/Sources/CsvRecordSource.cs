using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using GongCrmBridge.Configuration;

namespace GongCrmBridge.Sources;

/// <summary>Reads a CSV export with CsvHelper's UTF-8 span API, copying only the requested fields into chunks.</summary>
internal sealed class CsvRecordSource : IRecordSource
{
    private const int ReadBufferBytes = 256 * 1024;
    private const int HeaderMaxBytes = 1_000_000;
    private const int HeaderlessSample = 100;

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

    /// <summary>The header names; without a header, "1".."N" after the field count most of the first records have (a
    /// short or long first record must not decide the width of the whole export).</summary>
    /// <exception cref="ConfigurationException">The header's quotes never close.</exception>
    public static string[] ReadHeader(SourceSpec spec, char separator, Encoding? encoding)
    {
        CsvMalformedReason? malformed = null;
        using var reader = CsvReader.FromFile(spec.Path, CreateOptions(separator, encoding, spec.HasHeader, HeaderMaxBytes, m => malformed ??= m.Reason));
        string[] header;
        try
        {
            header = spec.HasHeader ? [.. reader.Headers] : Positions(UsualFieldCount(reader));
        }
        catch (CsvFormatException)
        {
            throw BrokenHeader(spec, CsvMalformedReason.UnterminatedQuote);
        }

        if (spec.HasHeader && header.Length == 0 && malformed is { } reason)
        {
            throw BrokenHeader(spec, reason); // CsvHelper skipped the header as malformed
        }

        return header.Any(h => h.AsSpan().ContainsAny('\r', '\n')) ? throw BrokenHeader(spec, CsvMalformedReason.UnterminatedQuote) : header;
    }

    private static string[] Positions(int count) => [.. Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private static int UsualFieldCount(CsvReader reader)
    {
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < HeaderlessSample && reader.Read(); i++)
        {
            counts[reader.FieldCount] = counts.GetValueOrDefault(reader.FieldCount) + 1;
        }

        return counts.Count == 0 ? 0 : counts.OrderByDescending(p => p.Value).ThenByDescending(p => p.Key).First().Key;
    }

    private static ConfigurationException BrokenHeader(SourceSpec spec, CsvMalformedReason reason) => new(
    [
        new ConfigurationProblem(spec.Path, 1, 0, reason == CsvMalformedReason.UnterminatedQuote
            ? "the header has a quote that is never closed, so its column names run over the lines after it; fix the quoting of line 1"
            : $"the header cannot be read: {MalformedReason(reason)} Fix the quoting of line 1"),
    ]);

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
                    // Only an oversized record throws (quoting problems are reported through OnMalformedRecord), and
                    // CsvHelper cannot go past it: reopen the file after the record's real end.
                    state.FlushInto(chunk);
                    var badLine = e.LineNumber + state.LineOffset;
                    var (reason, resumeAt) = AfterOversizedRecord(badLine, maxBytes);
                    chunk.AddProblem(badLine, reason);
                    await reader.DisposeAsync().ConfigureAwait(false);
                    reader = OpenReader(state, resumeAt);
                    continue;
                }

                if (state.ResumeAt is { } resume)
                {
                    // A malformed record ran over line breaks (an unclosed quote swallows the lines after it): what
                    // CsvHelper found after it is read again, from the line after the fault.
                    state.ResumeAt = null;
                    state.FlushInto(chunk, before: resume);
                    await reader.DisposeAsync().ConfigureAwait(false);
                    reader = OpenReader(state, resume);
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
                else if (_encoding is null && InvalidUtf8.Problem(reader.RawRecord, line) is { } notUtf8)
                {
                    chunk.AddProblem(line, notUtf8);
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
        CultureInfo.InvariantCulture, $"The record is larger than {maxBytes} characters.");

    private static string TooLargeReason(int maxBytes, long resumedAt) => string.Create(
        CultureInfo.InvariantCulture,
        $"The record is larger than {maxBytes} characters; reading resumed after it, on line {resumedAt}.");

    private static string UnclosedQuoteReason(long line) => string.Create(
        CultureInfo.InvariantCulture,
        $"Malformed CSV: the quote opened on line {line} is never closed; reading resumed on line {line + 1}.");

    /// <summary>Where an oversized record starting on <paramref name="line"/> ends: a well-quoted record is one rejection
    /// and reading goes on after its last line; a quote that never closes makes only the first line the fault.</summary>
    private (string Reason, long ResumeAt) AfterOversizedRecord(long line, int maxBytes)
    {
        using var stream = new FileStream(_spec.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return PhysicalLines.RecordEndLine(stream, _encoding, _separator, line) is { } end
            ? (TooLargeReason(maxBytes, end + 1), end + 1)
            : (UnclosedQuoteReason(line), line + 1);
    }

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
            m => state.OnMalformed(m.LineNumber + state.LineOffset, m.Reason, m.Skipped && m.RawRecord.AsSpan().ContainsAny('\r', '\n')));
        if (resumeAtLine == 0)
        {
            state.LineOffset = 0;
            return CsvReader.FromFile(_spec.Path, options);
        }

        var stream = new FileStream(_spec.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            var encoding = PhysicalLines.SeekToLine(stream, _encoding, resumeAtLine);
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

        /// <summary>Gets or sets the line to reopen the file at, after a skipped record that ran over line breaks.</summary>
        public long? ResumeAt { get; set; }

        public void OnMalformed(long line, CsvMalformedReason reason, bool overLineBreaks)
        {
            if (ResumeAt is not null)
            {
                return; // read again after the resume
            }

            if (!overLineBreaks)
            {
                Pending.Add((line, MalformedReason(reason)));
                return;
            }

            ResumeAt = line + 1;
            Pending.Add((line, reason == CsvMalformedReason.UnterminatedQuote
                ? UnclosedQuoteReason(line)
                : string.Create(CultureInfo.InvariantCulture, $"{MalformedReason(reason)} Its quotes run over the line breaks after it (an unclosed quote?); reading resumed on line {line + 1}.")));
        }

        public void FlushInto(SourceChunk chunk, long before = long.MaxValue)
        {
            foreach (var (line, reason) in Pending)
            {
                if (line < before)
                {
                    chunk.AddProblem(line, reason);
                }
            }

            Pending.Clear();
        }
    }
}
