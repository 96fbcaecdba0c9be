using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Upload;

/// <summary>The errors of one request-status answer, sorted into per-line errors and whole-file errors.</summary>
internal sealed class GongErrorReport
{
    private GongErrorReport(IReadOnlyDictionary<int, string> lines, string? wholeFile)
    {
        Lines = lines;
        WholeFile = wholeFile;
    }

    /// <summary>Gets the reported lines (1-based, within the file) and their descriptions.</summary>
    public IReadOnlyDictionary<int, string> Lines { get; }

    /// <summary>Gets the description of a <c>line: 0</c> error, which concerns every record of the file.</summary>
    public string? WholeFile { get; }

    public static GongErrorReport From(RequestStatus status, int lineCount)
    {
        var lines = new Dictionary<int, string>();
        string? wholeFile = null;
        var outOfRange = 0;
        foreach (var error in status.Errors)
        {
            var description = string.IsNullOrWhiteSpace(error.Description) ? "Gong gave no description" : error.Description.Trim();
            switch (error.Line)
            {
                case null or 0:
                    wholeFile ??= description;
                    break;
                case var line when line > 0 && line <= lineCount:
                    lines.TryAdd(line.Value, description);
                    break;
                default:
                    outOfRange++;
                    break;
            }
        }

        if (wholeFile is null && status.Status == RequestState.Failed && lines.Count == 0 && outOfRange == 0
            && (status.TotalSuccessCount ?? 0) == 0 && (status.TotalErrorCount ?? 0) == 0)
        {
            wholeFile = "Gong reported the upload FAILED without saying why (requestId " + (status.RequestId ?? "unknown") + ")";
        }

        return new GongErrorReport(lines, wholeFile);
    }
}
