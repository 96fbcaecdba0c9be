using System.Text.Json;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Mapping;

/// <summary>Per-thread scratch space of the mapper: transform buffers and the JSON writer.</summary>
internal sealed class MapScratch
{
    [ThreadStatic]
    private static MapScratch? _current;

    private char[] _a = new char[256];
    private char[] _b = new char[256];
    private char[] _template = new char[256];
    private char[] _items = new char[256];
    private (int Start, int Length)[] _ranges = new (int, int)[16];

    private readonly JsonBuffer _idle = new(256);

    private MapScratch(JsonBuffer initial) =>
        Writer = new Utf8JsonWriter(initial, new JsonWriterOptions
        {
            SkipValidation = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

    public Utf8JsonWriter Writer { get; }

    public RecordState Record { get; } = new();

    /// <summary>Takes this thread's scratch (Map is not re-entrant on one thread, so one per thread suffices).</summary>
    public static MapScratch Rent(JsonBuffer output)
    {
        var scratch = _current ??= new MapScratch(output);
        scratch.Writer.Reset(output);
        return scratch;
    }

    /// <summary>Detaches the writer from the last output, so the scratch does not keep a chunk's JSON alive.</summary>
    public void Release() => Writer.Reset(_idle);

    /// <summary>Gets or sets the run's start as ISO-8601 text, the value of <c>value: now</c>.</summary>
    public string Now { get; set; } = string.Empty;

    public ReadOnlySpan<char> ApplyTransforms(ReadOnlySpan<char> value, TransformStep[] transforms)
    {
        foreach (ref readonly var transform in transforms.AsSpan())
        {
            value = value.Overlaps(_a)
                ? Transforms.Apply(transform, value, ref _b)
                : Transforms.Apply(transform, value, ref _a);
        }

        return value;
    }

    /// <summary>The template's text; empty when a placeholder is empty (or a null word) after its transforms.</summary>
    public ReadOnlySpan<char> Render(TemplatePart[] parts, SourceChunk chunk, int row, NullValues? nulls)
    {
        var length = 0;
        foreach (var part in parts)
        {
            var piece = part.Literal is null ? chunk.Cell(row, part.Column) : part.Literal.AsSpan();
            if (part.Literal is null)
            {
                if (nulls is not null && nulls.Matches(piece))
                {
                    return [];
                }

                if (part.Transforms is { Length: > 0 } steps)
                {
                    piece = ApplyTransforms(piece, steps);
                }

                if (piece.IsWhiteSpace())
                {
                    return [];
                }
            }

            if (length + piece.Length > _template.Length)
            {
                Array.Resize(ref _template, Math.Max(_template.Length * 2, length + piece.Length));
            }

            piece.CopyTo(_template.AsSpan(length));
            length += piece.Length;
        }

        return _template.AsSpan(0, length);
    }

    public void ClearItems() => ItemCount = 0;

    public int ItemCount { get; private set; }

    public ReadOnlySpan<char> Item(int index) => _items.AsSpan(_ranges[index].Start, _ranges[index].Length);

    /// <summary>Adds an array item unless an equal one is already there.</summary>
    public void AddItem(ReadOnlySpan<char> item)
    {
        for (var i = 0; i < ItemCount; i++)
        {
            if (Item(i).SequenceEqual(item))
            {
                return;
            }
        }

        var start = ItemCount == 0 ? 0 : _ranges[ItemCount - 1].Start + _ranges[ItemCount - 1].Length;
        if (start + item.Length > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, start + item.Length));
        }

        if (ItemCount == _ranges.Length)
        {
            Array.Resize(ref _ranges, _ranges.Length * 2);
        }

        item.CopyTo(_items.AsSpan(start));
        _ranges[ItemCount++] = (start, item.Length);
    }
}
