using System.Buffers;

namespace GongCrmBridge.Sources;

/// <summary>
/// A block of consecutive records read from one export: the cells of the columns a mapping asked for,
/// in the order it asked for them, with the 1-based physical line where each record starts.
/// </summary>
/// <remarks>
/// Records travel through the pipeline in chunks rather than one by one, so that the per-message cost of
/// Dataflow is paid once per few thousand records. Cells live in one shared character buffer, rented from
/// <see cref="ArrayPool{T}.Shared"/> (a chunk's buffers are large-object-heap sized: renting them keeps a long run from
/// churning the large object heap, and the pipeline gives them back once a chunk is mapped).
/// A record that could not be read (bad quoting, wrong field count, invalid JSON, too large) is kept as a
/// <em>problem row</em>: it has a line and a reason but no cells, and becomes a rejection downstream.
/// </remarks>
internal sealed class SourceChunk
{
    private char[] _chars;
    private int _charCount;
    private int[] _cellStarts;
    private int[] _cellLengths;
    private long[] _lines;
    private string?[] _problems;
    private int _cellsInCurrentRow;
    private int _rowCapacity;

    /// <summary>Initializes a new instance of the <see cref="SourceChunk"/> class.</summary>
    /// <param name="sourcePath">The export the records come from.</param>
    /// <param name="columnCount">How many cells each record has (the mapping's column list).</param>
    /// <param name="capacity">Expected number of records (the chunk grows past it if needed).</param>
    public SourceChunk(string sourcePath, int columnCount, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        SourcePath = sourcePath;
        ColumnCount = columnCount;
        _chars = ArrayPool<char>.Shared.Rent(capacity * Math.Max(1, columnCount) * 16);
        _cellStarts = ArrayPool<int>.Shared.Rent(capacity * columnCount);
        _cellLengths = ArrayPool<int>.Shared.Rent(capacity * columnCount);
        _lines = ArrayPool<long>.Shared.Rent(capacity);
        _problems = ArrayPool<string?>.Shared.Rent(capacity);
        _rowCapacity = RowCapacity();
    }

    /// <summary>Gets the export the records come from.</summary>
    public string SourcePath { get; }

    /// <summary>Gets how many cells each record has.</summary>
    public int ColumnCount { get; }

    /// <summary>Gets the number of records (problem rows included).</summary>
    public int Count { get; private set; }

    /// <summary>Gets the number of characters held, a measure of the chunk's size.</summary>
    public int CharCount => _charCount;

    /// <summary>Returns the 1-based physical line where record <paramref name="row"/> starts.</summary>
    public long Line(int row) => _lines[CheckRow(row)];

    /// <summary>Returns why record <paramref name="row"/> could not be read, or null when it was read.</summary>
    public string? Problem(int row) => _problems[CheckRow(row)];

    /// <summary>Returns the cell of <paramref name="column"/> in record <paramref name="row"/>; empty when absent.</summary>
    public ReadOnlySpan<char> Cell(int row, int column)
    {
        CheckRow(row);
        if ((uint)column >= (uint)ColumnCount)
        {
            throw new ArgumentOutOfRangeException(nameof(column));
        }

        if (_problems[row] is not null)
        {
            return [];
        }

        var index = (row * ColumnCount) + column;
        return _chars.AsSpan(_cellStarts[index], _cellLengths[index]);
    }

    /// <summary>Starts a new record at <paramref name="line"/>; then call <see cref="AddCell"/> once per column.</summary>
    public void BeginRecord(long line)
    {
        if (Count > 0 && _cellsInCurrentRow != ColumnCount && _problems[Count - 1] is null)
        {
            throw new InvalidOperationException("The previous record did not receive all its cells.");
        }

        EnsureRowCapacity();
        _lines[Count] = line;
        _problems[Count] = null;
        var first = Count * ColumnCount;
        _cellStarts.AsSpan(first, ColumnCount).Clear();
        _cellLengths.AsSpan(first, ColumnCount).Clear();
        _cellsInCurrentRow = 0;
        Count++;
    }

    /// <summary>Sets the cell of <paramref name="column"/> of the record begun last.</summary>
    public void AddCell(int column, ReadOnlySpan<char> value)
    {
        if (Count == 0 || (uint)column >= (uint)ColumnCount)
        {
            throw new InvalidOperationException("Call BeginRecord first, with a column inside the chunk's columns.");
        }

        EnsureCharCapacity(value.Length);
        value.CopyTo(_chars.AsSpan(_charCount));
        var index = ((Count - 1) * ColumnCount) + column;
        _cellStarts[index] = _charCount;
        _cellLengths[index] = value.Length;
        _charCount += value.Length;
        _cellsInCurrentRow++;
    }

    /// <summary>Sets the cell of <paramref name="column"/> of the record begun last from UTF-8 bytes, decoding them
    /// straight into the chunk's buffer (no intermediate string). Invalid UTF-8 becomes U+FFFD.</summary>
    public void AddCellUtf8(int column, ReadOnlySpan<byte> utf8)
    {
        if (Count == 0 || (uint)column >= (uint)ColumnCount)
        {
            throw new InvalidOperationException("Call BeginRecord first, with a column inside the chunk's columns.");
        }

        // A UTF-8 sequence never decodes to more UTF-16 code units than it has bytes.
        EnsureCharCapacity(utf8.Length);
        System.Text.Unicode.Utf8.ToUtf16(utf8, _chars.AsSpan(_charCount), out _, out var written, replaceInvalidSequences: true);
        var index = ((Count - 1) * ColumnCount) + column;
        _cellStarts[index] = _charCount;
        _cellLengths[index] = written;
        _charCount += written;
        _cellsInCurrentRow++;
    }

    /// <summary>Adds a record that could not be read, with the reason (never the raw data: it may be personal).</summary>
    public void AddProblem(long line, string reason)
    {
        EnsureRowCapacity();
        _lines[Count] = line;
        _problems[Count] = reason;
        _cellsInCurrentRow = ColumnCount;
        Count++;
    }

    /// <summary>Gives the chunk's buffers back to the pool; the chunk is empty afterwards. Call only when nothing
    /// reads the chunk's cells any more (the pipeline does once the chunk is mapped).</summary>
    internal void ReturnBuffers()
    {
        var chars = _chars;
        var starts = _cellStarts;
        var lengths = _cellLengths;
        var lines = _lines;
        var problems = _problems;
        _chars = [];
        _cellStarts = [];
        _cellLengths = [];
        _lines = [];
        _problems = [];
        _rowCapacity = 0;
        _charCount = 0;
        Count = 0;
        if (lines.Length == 0)
        {
            return; // returned already
        }

        ArrayPool<char>.Shared.Return(chars);
        ArrayPool<int>.Shared.Return(starts);
        ArrayPool<int>.Shared.Return(lengths);
        ArrayPool<long>.Shared.Return(lines);
        ArrayPool<string?>.Shared.Return(problems, clearArray: true);
    }

    private static void Grow<T>(ref T[] array, int length, int keep)
    {
        var bigger = ArrayPool<T>.Shared.Rent(length);
        array.AsSpan(0, keep).CopyTo(bigger);
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }

        array = bigger;
    }

    private int RowCapacity() => ColumnCount == 0
        ? Math.Min(_lines.Length, _problems.Length)
        : Math.Min(Math.Min(_lines.Length, _problems.Length), Math.Min(_cellStarts.Length, _cellLengths.Length) / ColumnCount);

    private int CheckRow(int row) =>
        (uint)row < (uint)Count ? row : throw new ArgumentOutOfRangeException(nameof(row));

    private void EnsureRowCapacity()
    {
        if (Count < _rowCapacity)
        {
            return;
        }

        var rows = Math.Max(16, _rowCapacity * 2);
        Grow(ref _lines, rows, Count);
        Grow(ref _problems, rows, Count);
        Grow(ref _cellStarts, rows * ColumnCount, Count * ColumnCount);
        Grow(ref _cellLengths, rows * ColumnCount, Count * ColumnCount);
        _rowCapacity = RowCapacity();
    }

    private void EnsureCharCapacity(int extra)
    {
        if (_charCount + extra <= _chars.Length)
        {
            return;
        }

        Grow(ref _chars, Math.Max(_chars.Length * 2, _charCount + extra), _charCount);
    }
}
