using System.Collections.Concurrent;
using GongCrmBridge.Batching;

namespace GongCrmBridge.Upload;

/// <summary>Which files were sent and what became of them; read after the uploads end, however they end.</summary>
/// <remarks>Lets a cancelled or failed run still report exactly what Gong received and what it did not.</remarks>
internal sealed class UploadLedger
{
    private readonly ConcurrentDictionary<string, BatchFile> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileOutcome> _finished = new(StringComparer.Ordinal);

    public void MarkSent(BatchFile file) => _sent.TryAdd(file.Path, file);

    /// <summary>Raised when Gong finished processing a file (on the uploading thread).</summary>
    public event Action<FileOutcome>? Finished;

    public void MarkFinished(FileOutcome outcome)
    {
        _finished[outcome.File.Path] = outcome;
        Finished?.Invoke(outcome);
    }

    /// <summary>Returns the outcome of <paramref name="file"/> when Gong finished processing it.</summary>
    public FileOutcome? OutcomeOf(BatchFile file) => _finished.GetValueOrDefault(file.Path);

    /// <summary>Returns whether <paramref name="file"/> was sent (at least its first upload was accepted).</summary>
    public bool WasSent(BatchFile file) => _sent.ContainsKey(file.Path);
}
