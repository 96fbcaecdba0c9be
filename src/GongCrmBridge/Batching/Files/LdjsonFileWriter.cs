using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Batching.Files;

/// <summary>Writes one LDJSON file and its line map, line by line.</summary>
internal sealed class LdjsonFileWriter : IDisposable
{
    private readonly BackgroundFileWriter _stream;
    private readonly BatchLineMapWriter _lineMap;
    private bool _completed;

    public LdjsonFileWriter(string path, IReadOnlyList<string> sources)
    {
        Path = path;
        _stream = new BackgroundFileWriter(path);
        _lineMap = new BatchLineMapWriter(LineMapPathFor(path), sources);
    }

    public string Path { get; }

    public int Count { get; private set; }

    public static string LineMapPathFor(string ldjsonPath) => System.IO.Path.ChangeExtension(ldjsonPath, ".linemap");

    public void Write(ReadOnlySpan<byte> json, int source, long line, ReadOnlySpan<byte> objectIdUtf8)
    {
        _stream.Write(json);
        _stream.WriteByte((byte)'\n');
        _lineMap.Add(source, line, objectIdUtf8);
        Count++;
    }

    public BatchFile Complete(CrmObjectType type, int sequence, bool holdsLaterVersions)
    {
        var bytes = _stream.Position;
        _stream.Complete();
        _stream.Dispose();
        _lineMap.Complete();
        _completed = true;
        return new BatchFile(type, Path, sequence, Count, bytes, holdsLaterVersions, _lineMap.Path);
    }

    /// <summary>Closes the files; deletes them unless <see cref="Complete"/> was called.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        _lineMap.Dispose();
        if (!_completed)
        {
            File.Delete(Path);
            File.Delete(_lineMap.Path);
        }
    }
}
