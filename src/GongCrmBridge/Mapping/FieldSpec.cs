using System.Globalization;
using GongCrmBridge.Validation;

namespace GongCrmBridge.Mapping;

/// <summary>What a mapping file says about one field, gathered step by step while the file is compiled. Once every
/// step passed, <see cref="FieldPlan"/> is made from it and never changes afterwards.</summary>
internal sealed class FieldSpec(string name, FieldRole role, ValueKind kind, FieldRule rule)
{
    /// <summary>Gets the field's key in the record.</summary>
    public string Name { get; } = name;

    /// <summary>Gets what the field is for.</summary>
    public FieldRole Role { get; } = role;

    /// <summary>Gets or sets the JSON shape (a custom field's follows its declared type).</summary>
    public ValueKind Kind { get; set; } = kind;

    /// <summary>Gets or sets Gong's rule for the value.</summary>
    public FieldRule Rule { get; set; } = rule;

    /// <summary>Gets or sets how rejection reasons name the field, e.g. <c>field 'closeDate' (column 'CloseDate')</c>.</summary>
    public string Subject { get; set; } = name;

    /// <summary>Gets or sets the column's index in the chunk, or -1 when the value is a template or a constant.</summary>
    public int Column { get; set; } = -1;

    /// <summary>Gets or sets the template's parts, when the value is a template.</summary>
    public IReadOnlyList<TemplatePart>? Template { get; set; }

    /// <summary>Gets or sets the constant, when the value is one (<c>value</c>).</summary>
    public string? Constant { get; set; }

    /// <summary>Gets or sets the transforms, in order.</summary>
    public IReadOnlyList<TransformStep> Transforms { get; set; } = [];

    /// <summary>Gets or sets the columns of a <c>column</c> list (the first non-empty cell wins), or null for one column.</summary>
    public int[]? Coalesce { get; set; }

    /// <summary>Gets or sets whether the columns may be absent from the export (<c>optional: true</c>).</summary>
    public bool Optional { get; set; }

    /// <summary>Gets or sets the cell texts that mean empty (the field's <c>nullValues</c>, else the mapping's).</summary>
    public NullValues? Nulls { get; set; }

    /// <summary>Gets or sets whether an invalid value is left out (<c>onInvalid: omit</c>) rather than rejecting the record.</summary>
    public bool OmitInvalid { get; set; }

    /// <summary>Gets or sets the formats tried after <see cref="Format"/> (a <c>format</c> list), or empty.</summary>
    public IReadOnlyList<string> AlternateFormats { get; set; } = [];

    /// <summary>Gets or sets whether the value is the run's start (<c>value: now</c>).</summary>
    public bool IsNow { get; set; }

    /// <summary>Gets or sets whether a PICKLIST declares the export's distinct values (<c>values: auto</c>).</summary>
    public bool AutoPicklist { get; set; }

    /// <summary>Gets or sets the <c>map</c>, if any.</summary>
    public ValueMap? Map { get; set; }

    /// <summary>Gets or sets the value used when the source is empty (taken as written).</summary>
    public string? Default { get; set; }

    /// <summary>Gets or sets whether an empty value rejects the record.</summary>
    public bool Required { get; set; }

    /// <summary>Gets or sets the separator of a <c>stringArray</c>'s items, if any.</summary>
    public string? Split { get; set; }

    /// <summary>Gets or sets the culture of numbers and formatted dates.</summary>
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <summary>Gets or sets the date format, or null for ISO-8601.</summary>
    public string? Format { get; set; }

    /// <summary>Gets or sets the time zone of date-times without an offset, or null for UTC.</summary>
    public TimeZoneInfo? TimeZone { get; set; }

    /// <summary>Gets or sets a PICKLIST's values.</summary>
    public PicklistValues? Picklist { get; set; }

    /// <summary>Gets or sets the reference slot the value fills, for the referential checks.</summary>
    public ReferenceSlot Reference { get; set; }

    /// <summary>Gets or sets whether the field is the one Gong requires unless the record is deleted.</summary>
    public bool IsRequiredUnlessDeleted { get; set; }
}
