namespace GongCrmBridge.Mapping;

/// <summary>
/// How a STRING_ARRAY field's text becomes its items: split on the field's <c>split</c> separator, each item
/// transformed and mapped like a scalar value, trimmed, and empty items dropped (<see cref="MapScratch.AddItem"/>
/// drops repeats).
/// </summary>
internal sealed class ListItems
{
    private readonly string? _split;
    private readonly TransformStep[] _transforms;
    private readonly ValueMap? _map;

    public ListItems(string? split, TransformStep[] transforms, ValueMap? map)
    {
        _split = split;
        _transforms = transforms;
        _map = map;
    }

    /// <summary>Adds the items of <paramref name="raw"/> to <paramref name="scratch"/>; a default value
    /// (<paramref name="transform"/> false) is split but neither transformed nor mapped.</summary>
    public void AddTo(MapScratch scratch, ReadOnlySpan<char> raw, bool transform)
    {
        if (_split is null)
        {
            AddItem(scratch, raw, transform);
            return;
        }

        foreach (var range in raw.Split(_split))
        {
            AddItem(scratch, raw[range], transform);
        }
    }

    private void AddItem(MapScratch scratch, ReadOnlySpan<char> item, bool transform)
    {
        if (transform)
        {
            if (_transforms.Length > 0)
            {
                item = scratch.ApplyTransforms(item, _transforms);
            }

            if (_map is not null)
            {
                item = _map.Apply(item);
            }
        }

        item = item.Trim();
        if (!item.IsEmpty)
        {
            scratch.AddItem(item);
        }
    }
}
