namespace GongCrmBridge.Validation;

/// <summary>A standard (Gong-defined) field of an object type.</summary>
/// <param name="Name">The field's key in the record.</param>
/// <param name="Kind">Its JSON shape.</param>
/// <param name="Rule">The rule its value must satisfy.</param>
internal sealed record StandardField(string Name, ValueKind Kind, FieldRule Rule = FieldRule.None);
