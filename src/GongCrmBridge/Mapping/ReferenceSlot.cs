namespace GongCrmBridge.Mapping;

/// <summary>Which <see cref="RecordReferences"/> slot a field fills.</summary>
internal enum ReferenceSlot
{
    /// <summary>None.</summary>
    None,

    /// <summary><c>accountId</c>.</summary>
    AccountId,

    /// <summary><c>ownerId</c>.</summary>
    OwnerId,

    /// <summary><c>stage</c>.</summary>
    Stage,
}
