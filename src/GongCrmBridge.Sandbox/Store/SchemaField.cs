namespace GongCrmBridge.Sandbox.Store;

/// <summary>An active schema field as stored.</summary>
internal sealed record SchemaField(
    string UniqueName,
    string Label,
    string Type,
    string? ReferenceTo,
    IReadOnlyList<string>? OrderedValueList,
    string? LastModified)
{
    public SandboxSchemaField ToPublic() => new(UniqueName, Label, Type, ReferenceTo, OrderedValueList, LastModified);
}
