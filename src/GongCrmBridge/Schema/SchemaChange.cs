using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Schema;

/// <summary>What a schema push does to one custom field.</summary>
public enum SchemaChangeKind
{
    /// <summary>The job declares a field Gong does not have yet.</summary>
    Added,

    /// <summary>The job changes the field's label, type, values or reference.</summary>
    Changed,

    /// <summary>Gong has a field the job no longer declares; it is deleted (with its data) because of <c>--allow-field-removal</c>.</summary>
    Removed,

    /// <summary>Gong has a field the job no longer declares; it is sent again unchanged so that Gong keeps it and its data.</summary>
    Kept,
}

/// <summary>One field's change in a schema push.</summary>
/// <param name="ObjectType">The object type whose schema changes.</param>
/// <param name="Field">The field's uniqueName.</param>
/// <param name="Kind">What happens to it.</param>
/// <param name="Detail">A short explanation, e.g. which attribute changed.</param>
public sealed record SchemaChange(CrmObjectType ObjectType, string Field, SchemaChangeKind Kind, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{ObjectType.ToWireName()}.{Field}: {KindText} ({Detail})";

    private string KindText => Kind switch
    {
        SchemaChangeKind.Added => "added",
        SchemaChangeKind.Changed => "changed",
        SchemaChangeKind.Removed => "removed",
        SchemaChangeKind.Kept => "kept",
        _ => Kind.ToString(),
    };
}
