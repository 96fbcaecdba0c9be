using CsvHelper;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Outcomes;

namespace GongCrmBridge.Reporting;

/// <summary>Streams <c>field-issues.csv</c> (<c>objectType,source,line,objectId,field,reason</c>, RFC 4180 quoting):
/// one row per value left out of a record that was sent (<c>onInvalid: omit</c>). Thread-safe.</summary>
internal sealed class FieldIssuesCsvWriter : IAsyncDisposable
{
    /// <summary>The file name inside the report folder.</summary>
    public const string FileName = "field-issues.csv";

    private static readonly string[] Header = ["objectType", "source", "line", "objectId", "field", "reason"];

    private readonly CsvWriter _writer;
    private readonly Func<string, string> _relativeSource;
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="FieldIssuesCsvWriter"/> class and writes the header.</summary>
    /// <param name="path">The CSV file to create.</param>
    /// <param name="relativeSource">How a source path is written (relative to the job file's folder).</param>
    public FieldIssuesCsvWriter(string path, Func<string, string> relativeSource)
    {
        _relativeSource = relativeSource;
        _writer = CsvWriter.ToFile(path, new CsvWriterOptions { Injection = CsvInjection.Escape });
        _writer.WriteHeader(Header);
    }

    /// <summary>Gets the number of rows written.</summary>
    public long Count { get; private set; }

    /// <summary>Appends issues.</summary>
    public void Write(IEnumerable<FieldIssue> issues)
    {
        lock (_gate)
        {
            foreach (var issue in issues)
            {
                _writer.WriteField(issue.ObjectType.ToWireName());
                _writer.WriteField(_relativeSource(issue.SourcePath));
                _writer.WriteField(issue.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _writer.WriteField(issue.ObjectId ?? string.Empty);
                _writer.WriteField(issue.Field);
                _writer.WriteField(issue.Reason);
                _writer.EndRecord();
                Count++;
            }
        }
    }

    /// <summary>Writes buffered rows to disk.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _writer.Flush();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
