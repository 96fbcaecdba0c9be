using CsvHelper;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Outcomes;

namespace GongCrmBridge.Reporting;

/// <summary>Streams <c>rejections.csv</c> (<c>objectType,source,line,objectId,stage,reason</c>, RFC 4180 quoting):
/// one row per rejected record, written as they come so a huge run never holds them in memory.</summary>
/// <remarks>Thread-safe. Source paths are written relative to <see cref="RejectionsCsvWriter(string, string?)"/>'s base folder.</remarks>
internal sealed class RejectionsCsvWriter : IAsyncDisposable, IDisposable
{
    /// <summary>The file name inside the report folder.</summary>
    public const string FileName = "rejections.csv";

    /// <summary>The longest objectId written; a longer one is cut.</summary>
    public const int MaxObjectIdLength = 100;

    private static readonly string[] Header = ["objectType", "source", "line", "objectId", "stage", "reason"];

    private readonly CsvWriter _writer;
    private readonly string? _baseDirectory;
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="RejectionsCsvWriter"/> class and writes the header.</summary>
    /// <param name="path">The CSV file to create.</param>
    /// <param name="baseDirectory">Source paths are written relative to this folder (e.g. the job file's).</param>
    public RejectionsCsvWriter(string path, string? baseDirectory = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        FilePath = path;
        _baseDirectory = baseDirectory;
        _writer = CsvWriter.ToFile(path, new CsvWriterOptions
        {
            // Rejection reasons are ours, but object ids come from the CRM: never let a spreadsheet run them.
            Injection = CsvInjection.Escape,
        });
        _writer.WriteHeader(Header);
        FieldIssues = new FieldIssuesCsvWriter(
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, FieldIssuesCsvWriter.FileName),
            RelativeSource);
    }

    /// <summary>Gets the report's <c>field-issues.csv</c>, written beside this file and closed with it.</summary>
    public FieldIssuesCsvWriter FieldIssues { get; }

    /// <summary>Gets the file written.</summary>
    public string FilePath { get; }

    /// <summary>Gets the number of rejections written.</summary>
    public long Count { get; private set; }

    /// <summary>Appends rejections.</summary>
    public void Write(IEnumerable<Rejection> rejections)
    {
        lock (_gate)
        {
            foreach (var rejection in rejections)
            {
                _writer.WriteField(rejection.ObjectType.ToWireName());
                _writer.WriteField(RelativeSource(rejection.Source));
                _writer.WriteField(rejection.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _writer.WriteField(Cut(rejection.ObjectId));
                _writer.WriteField(StageName(rejection.Stage));
                _writer.WriteField(rejection.Reason);
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

        FieldIssues.Flush();
    }

    /// <summary>The <c>stage</c> column's text for <paramref name="stage"/>.</summary>
    public static string StageName(RejectionStage stage) => stage switch
    {
        RejectionStage.Mapping => "mapping",
        RejectionStage.Validation => "validation",
        RejectionStage.Gong => "gong",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        FieldIssues.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await FieldIssues.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Returns <paramref name="source"/> as the report shows it: relative to the job file's folder, with '/'.</summary>
    public string RelativeSource(string source) =>
        _baseDirectory is null ? source : System.IO.Path.GetRelativePath(_baseDirectory, source).Replace('\\', '/');

    /// <summary>The objectId as the export has it, cut at <see cref="MaxObjectIdLength"/> characters (SPEC: the user
    /// needs it to find the record even when the id itself is what is wrong, e.g. far too long).</summary>
    private static string Cut(string? objectId) =>
        objectId is null ? string.Empty : objectId.Length <= MaxObjectIdLength ? objectId : objectId[..MaxObjectIdLength];
}
