using GongCrmBridge.Gong.Models;
using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching;

/// <summary>Where one part of an LDJSON file starts: its first byte in the file, and its first line-map entry in bytes
/// after the line map's first entry.</summary>
internal readonly record struct PartStart(long JsonOffset, long LineMapOffset);

/// <summary>Writes one LDJSON file and its line map, line by line.</summary>
/// <remarks>The file can be written in parts at once, each part a run of consecutive lines whose place in the file and
/// in the line map is known in advance (the halves of a parallel merge): <see cref="Part"/>. <see cref="Complete"/>
/// checks that the parts meet exactly.</remarks>
internal sealed class LdjsonFileWriter : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly BatchLineMapWriter _lineMap;
    private readonly LdjsonFilePart[] _parts;
    private bool _completed;

    /// <summary>Creates the file and its line map, to be written line after line from the start.</summary>
    public LdjsonFileWriter(string path, IReadOnlyList<string> sources)
        : this(path, sources, [default])
    {
    }

    /// <summary>Creates the file and its line map, to be written by one <see cref="Part"/> per start, the first at 0.</summary>
    public LdjsonFileWriter(string path, IReadOnlyList<string> sources, IReadOnlyList<PartStart> parts)
    {
        Path = path;
        _file = NewFile.CreateHandle(path, FileShare.None);
        try
        {
            _lineMap = new BatchLineMapWriter(LineMapPathFor(path), sources, [.. parts.Select(p => p.LineMapOffset)]);
        }
        catch
        {
            _file.Dispose();
            throw;
        }

        _parts = [.. parts.Select((start, i) => new LdjsonFilePart(_file, start, _lineMap.Part(i)))];
    }

    public string Path { get; }

    /// <summary>Gets the number of lines written, by every part.</summary>
    public int Count => _parts.Sum(p => p.Count);

    public static string LineMapPathFor(string ldjsonPath) => System.IO.Path.ChangeExtension(ldjsonPath, ".linemap");

    /// <summary>Gets the writer of the <paramref name="index"/>-th part; each part may be written on its own thread.</summary>
    public LdjsonFilePart Part(int index) => _parts[index];

    /// <summary>Writes a line at the end of the first part (of the file, when it has one part).</summary>
    public void Write(ReadOnlySpan<byte> json, int source, long line, ReadOnlySpan<byte> objectIdUtf8) =>
        _parts[0].Write(json, source, line, objectIdUtf8);

    /// <summary>Writes what is buffered, the line map's index, and closes the files.</summary>
    /// <exception cref="InvalidOperationException">A part did not end where the next one starts.</exception>
    public BatchFile Complete(CrmObjectType type, int sequence, bool holdsLaterVersions)
    {
        for (var i = 0; i < _parts.Length; i++)
        {
            _parts[i].Flush();
            if (i + 1 < _parts.Length && _parts[i].End != _parts[i + 1].Start.JsonOffset)
            {
                throw new InvalidOperationException($"LDJSON part {i} ends at {_parts[i].End}, part {i + 1} starts at {_parts[i + 1].Start.JsonOffset}.");
            }
        }

        var bytes = _parts[^1].End;
        var count = Count;
        _lineMap.Complete();
        Close();
        _completed = true;
        return new BatchFile(type, Path, sequence, count, bytes, holdsLaterVersions, _lineMap.Path);
    }

    /// <summary>Closes the files; deletes them unless <see cref="Complete"/> was called.</summary>
    public void Dispose()
    {
        Close();
        _lineMap.Dispose();
        if (!_completed)
        {
            File.Delete(Path);
            File.Delete(_lineMap.Path);
        }
    }

    private void Close()
    {
        foreach (var part in _parts)
        {
            part.Dispose();
        }

        _file.Dispose();
    }
}

/// <summary>Writes consecutive lines of an LDJSON file, and their line-map entries, from a known place on.</summary>
internal sealed class LdjsonFilePart : IDisposable
{
    private readonly BackgroundWriteStream _json;
    private readonly LineMapPart _lineMap;

    public LdjsonFilePart(SafeFileHandle file, PartStart start, LineMapPart lineMap)
    {
        Start = start;
        _json = new BackgroundWriteStream(file, start.JsonOffset);
        _lineMap = lineMap;
    }

    public PartStart Start { get; }

    /// <summary>Gets where the part ends so far, in bytes from the start of the file.</summary>
    public long End => Start.JsonOffset + _json.Position;

    public int Count { get; private set; }

    public void Write(ReadOnlySpan<byte> json, int source, long line, ReadOnlySpan<byte> objectIdUtf8)
    {
        _json.Write(json);
        _json.WriteByte((byte)'\n');
        _lineMap.Add(source, line, objectIdUtf8);
        Count++;
    }

    public void Flush() => _json.Flush();

    public void Dispose() => _json.Dispose();
}
