namespace GongCrmBridge.Gong.Models;

/// <summary>One custom field of an object type's schema, as sent to and read from Gong.</summary>
/// <param name="UniqueName">The field's API name: the key used in entity records.</param>
/// <param name="Label">The caption shown in Gong.</param>
/// <param name="Type">The field type.</param>
/// <param name="ReferenceTo">For <see cref="CrmFieldType.REFERENCE"/>: ACCOUNT, CONTACT, DEAL, LEAD or USER.</param>
/// <param name="OrderedValueList">For <see cref="CrmFieldType.PICKLIST"/>: the allowed values in display order.</param>
/// <param name="IsDeleted">Whether the field (and its data) is to be removed.</param>
/// <param name="LastModified">When the definition last changed, if known.</param>
public sealed record CrmSchemaField(
    string UniqueName,
    string Label,
    CrmFieldType Type,
    string? ReferenceTo = null,
    IReadOnlyList<string>? OrderedValueList = null,
    bool IsDeleted = false,
    DateTimeOffset? LastModified = null);
