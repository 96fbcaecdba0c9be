using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Schema;

/// <summary>Compares the custom fields a job declares with Gong's current schema for one object type.</summary>
/// <remarks>Gong wants the complete field list in every push; <see cref="FieldsToSend"/> is that list.</remarks>
internal sealed class SchemaDiff
{
    private SchemaDiff(IReadOnlyList<SchemaChange> changes, IReadOnlyList<CrmSchemaField> fieldsToSend)
    {
        Changes = changes;
        FieldsToSend = fieldsToSend;
    }

    /// <summary>Gets every change, kept fields included.</summary>
    public IReadOnlyList<SchemaChange> Changes { get; }

    /// <summary>Gets whether Gong's schema must be pushed (a field is added, changed or removed).</summary>
    public bool NeedsPush => Changes.Any(c => c.Kind != SchemaChangeKind.Kept);

    /// <summary>Gets the full list to send when pushing.</summary>
    public IReadOnlyList<CrmSchemaField> FieldsToSend { get; }

    public static SchemaDiff Compare(
        CrmObjectType type,
        IReadOnlyList<CrmSchemaField> wanted,
        IReadOnlyList<CrmSchemaField> current,
        bool allowFieldRemoval,
        DateTimeOffset now)
    {
        var live = current.Where(f => !f.IsDeleted).ToDictionary(f => f.UniqueName, StringComparer.Ordinal);
        var changes = new List<SchemaChange>();
        var send = new List<CrmSchemaField>();
        foreach (var field in wanted)
        {
            var stamped = field with { LastModified = now };
            if (!live.Remove(field.UniqueName, out var existing))
            {
                changes.Add(new SchemaChange(type, field.UniqueName, SchemaChangeKind.Added, field.Type.ToString()));
                send.Add(stamped);
                continue;
            }

            var difference = Describe(existing, field);
            if (difference is null)
            {
                send.Add(existing);
            }
            else
            {
                changes.Add(new SchemaChange(type, field.UniqueName, SchemaChangeKind.Changed, difference));
                send.Add(stamped);
            }
        }

        foreach (var leftover in live.Values.OrderBy(f => f.UniqueName, StringComparer.Ordinal))
        {
            if (allowFieldRemoval)
            {
                changes.Add(new SchemaChange(type, leftover.UniqueName, SchemaChangeKind.Removed, "deleted with its values on every object"));
                send.Add(leftover with { IsDeleted = true, LastModified = now });
            }
            else
            {
                changes.Add(new SchemaChange(type, leftover.UniqueName, SchemaChangeKind.Kept, "not in the job; pass --allow-field-removal to delete it"));
                send.Add(leftover);
            }
        }

        return new SchemaDiff(changes, send);
    }

    private static string? Describe(CrmSchemaField before, CrmSchemaField after)
    {
        var differences = new List<string>();
        if (before.Type != after.Type)
        {
            differences.Add($"type {before.Type} → {after.Type}: Gong drops the old field's values");
        }

        if (!string.Equals(before.Label, after.Label, StringComparison.Ordinal))
        {
            differences.Add("label");
        }

        if (!string.Equals(before.ReferenceTo, after.ReferenceTo, StringComparison.Ordinal))
        {
            differences.Add("referenceTo");
        }

        // Gong's own examples return orderedValueList as null even for picklists, so a missing list is not a change.
        if (before.OrderedValueList is { } values && after.OrderedValueList is { } wantedValues && !values.SequenceEqual(wantedValues, StringComparer.Ordinal))
        {
            differences.Add("values");
        }

        return differences.Count == 0 ? null : string.Join(", ", differences);
    }
}
