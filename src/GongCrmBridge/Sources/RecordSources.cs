namespace GongCrmBridge.Sources;

/// <summary>Opens exports as streams of <see cref="SourceChunk"/>s: CSV (CsvHelper) and JSON Lines.</summary>
/// <remarks>
/// <para>CSV: RFC 4180 quoting (separators, doubled quotes and line breaks inside quotes), CRLF or LF, UTF-8 with or
/// without BOM, latin1 / windows-1252, UTF-16 with BOM. Header names are matched exactly, then ignoring case and
/// surrounding spaces. Without a header, columns are named <c>"1"</c>, <c>"2"</c>, ...</para>
/// <para>JSON Lines (UTF-8): one object per line; a column <c>a.b</c> is the property <c>b</c> of the object in
/// property <c>a</c>. Strings are unescaped, numbers and booleans become their JSON text, <c>null</c> is empty, an
/// array becomes its elements joined by <c>;</c>, and an object (where a value is expected) its raw JSON.</para>
/// <para>Malformed input is data: a bad quote, a wrong field count, an invalid JSON line or a record over
/// <see cref="SourceReadOptions.MaxRecordChars"/> becomes a problem row (<see cref="SourceChunk.AddProblem"/>) with
/// its line and a reason that never contains the record's values, and reading goes on.</para>
/// </remarks>
public static class RecordSources
{
    /// <summary>Opens <paramref name="spec"/> for reading the cells of <paramref name="columns"/>, in that order.</summary>
    /// <param name="spec">The export.</param>
    /// <param name="columns">The columns (CSV header names, or JSON paths) each chunk holds; a column the export
    /// lacks reads as empty (see <see cref="IRecordSource.MissingColumns"/>).</param>
    /// <param name="options">Chunk size and record size limit; <see cref="SourceReadOptions.Default"/> when null.</param>
    /// <returns>The open source. CSV reads its header now.</returns>
    /// <exception cref="ArgumentException">The delimiter or encoding of <paramref name="spec"/> is not supported.</exception>
    /// <exception cref="IOException">The export cannot be opened.</exception>
    internal static IRecordSource Open(SourceSpec spec, IReadOnlyList<string> columns, SourceReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(columns);
        options ??= SourceReadOptions.Default;
        options.Validate();
        return spec.Format switch
        {
            SourceFormat.Csv => new CsvRecordSource(spec, columns, options),
            SourceFormat.JsonLines => new JsonLinesRecordSource(spec, columns, options),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Format, "Unknown source format."),
        };
    }

    /// <summary>Returns the columns of <paramref name="columns"/> that the export's header lacks (CSV), reading only
    /// the header (or, without one, the first record). Always empty for JSON Lines, whose keys vary per line.</summary>
    /// <exception cref="ArgumentException">The delimiter or encoding of <paramref name="spec"/> is not supported.</exception>
    /// <exception cref="IOException">The export cannot be opened.</exception>
    public static IReadOnlyList<string> FindMissingColumns(SourceSpec spec, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(columns);
        ExportSniffer.Check(spec);
        if (spec.Format != SourceFormat.Csv)
        {
            return [];
        }

        var indexes = CsvRecordSource.ResolveColumns(ReadHeader(spec), columns);
        return [.. columns.Where((_, i) => indexes[i] < 0)];
    }

    /// <summary>What the header of CSV export <paramref name="spec"/> looks like to the reader (encoding, delimiter,
    /// names, a better delimiter), for the message about <paramref name="missing"/> columns; null when it cannot be read.</summary>
    public static string? DescribeHeader(SourceSpec spec, IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(missing);
        try
        {
            return spec.Format == SourceFormat.Csv ? HeaderDescription.Describe(spec, ReadHeader(spec), missing) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or Configuration.ConfigurationException)
        {
            return null;
        }
    }

    // Repeated names are told apart as the reader does (Name, Name#2): a mapping reaches the second by its #2 name.
    private static string[] ReadHeader(SourceSpec spec) =>
        HeaderNames.Disambiguate(CsvRecordSource.ReadHeader(spec, CsvRecordSource.ParseDelimiter(spec.Delimiter), SourceEncodings.Resolve(spec.Encoding)), out _);

    /// <summary>Whether <paramref name="encoding"/> names an encoding the CSV reader supports (for the job loader).</summary>
    public static bool IsKnownEncoding(string encoding) => SourceEncodings.TryResolve(encoding, out _);

    /// <summary>Whether <paramref name="delimiter"/> can separate CSV fields: one ASCII character other than a quote or
    /// a line break, or <c>\t</c> / <c>tab</c>.</summary>
    public static bool IsValidDelimiter(string delimiter) => CsvRecordSource.TryParseDelimiter(delimiter, out _);
}
