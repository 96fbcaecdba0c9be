namespace GongCrmBridge.Mapping;

/// <summary>What a field is for in the record.</summary>
internal enum FieldRole
{
    /// <summary>The <c>objectId</c>.</summary>
    ObjectId,

    /// <summary>The <c>modifiedDate</c>.</summary>
    ModifiedDate,

    /// <summary>The <c>isDeleted</c> flag.</summary>
    IsDeleted,

    /// <summary>The <c>url</c>.</summary>
    Url,

    /// <summary>A standard field under <c>fields</c>.</summary>
    Standard,

    /// <summary>A custom field under <c>customFields</c>.</summary>
    Custom,
}
