using GongCrmBridge.Sources;

namespace GongCrmBridge.Mapping;

/// <summary>
/// Where one field's text comes from in a record: a column, the first usable cell of a <c>column</c> list, a
/// template, the run's <c>now</c> or a constant. A cell holding one of the mapping's null words reads as empty.
/// </summary>
/// <remarks>Immutable once built, so one source serves every thread; the per-thread buffers live in
/// <see cref="MapScratch"/>.</remarks>
internal sealed class FieldSource
{
    private readonly int _column;
    private readonly int[]? _coalesce;
    private readonly TemplatePart[]? _template;
    private readonly string? _constant;
    private readonly bool _isNow;
    private readonly NullValues? _nulls;

    public FieldSource(FieldSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _column = spec.Column;
        _coalesce = spec.Coalesce;
        _template = spec.Template is null ? null : [.. spec.Template];
        _constant = spec.Constant;
        _isNow = spec.IsNow;
        _nulls = spec.Nulls;
        Columns = spec.Coalesce
            ?? (spec.Column >= 0 ? [spec.Column] : spec.Template?.Where(p => p.Literal is null).Select(p => p.Column).ToArray() ?? []);
    }

    /// <summary>Gets the columns the value reads (for warnings naming them).</summary>
    public IReadOnlyList<int> Columns { get; }

    /// <summary>Returns the field's text for row <paramref name="row"/> of <paramref name="chunk"/>, before its
    /// transforms; empty when the cells are empty or null words.</summary>
    public ReadOnlySpan<char> Read(SourceChunk chunk, int row, MapScratch scratch)
    {
        if (_column >= 0)
        {
            var cell = chunk.Cell(row, _column);
            return IsNullWord(cell) ? [] : cell;
        }

        return _coalesce is not null ? Coalesce(chunk, row)
            : _template is not null ? scratch.Render(_template, chunk, row, _nulls)
            : _isNow ? scratch.Now.AsSpan()
            : _constant.AsSpan();
    }

    /// <summary>The first cell of the <c>column</c> list that is neither empty nor a null word.</summary>
    private ReadOnlySpan<char> Coalesce(SourceChunk chunk, int row)
    {
        foreach (var column in _coalesce!)
        {
            var cell = chunk.Cell(row, column);
            if (!cell.IsWhiteSpace() && !IsNullWord(cell))
            {
                return cell;
            }
        }

        return [];
    }

    private bool IsNullWord(ReadOnlySpan<char> cell) => _nulls is not null && _nulls.Matches(cell);
}
