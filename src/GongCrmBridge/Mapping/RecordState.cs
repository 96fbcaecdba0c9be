namespace GongCrmBridge.Mapping;

/// <summary>What one record produced besides its JSON.</summary>
internal sealed class RecordState
{
    /// <summary>Gets or sets where ids are written as UTF-8 (the chunk's; none when only checking a constant).</summary>
    public JsonBuffer? Ids { get; set; }

    public IdRange ObjectId { get; private set; }

    public bool HasObjectId { get; private set; }

    public long ModifiedUtcTicks { get; set; }

    /// <summary>Gets or sets a value indicating whether a modifiedDate was read (0001-01-01T00:00:00Z has 0 ticks).</summary>
    public bool HasModifiedDate { get; set; }

    /// <summary>Gets or sets the objectId as read when Gong's rules refuse it (too long, a space, '#'): the rejection
    /// still names the record by it.</summary>
    public string? InvalidObjectId { get; set; }

    public bool IsDeleted { get; set; }

    public bool RequiredUnlessDeletedWritten { get; set; }

    public IdRange AccountId { get; private set; }

    public IdRange OwnerId { get; private set; }

    public IdRange Stage { get; private set; }

    /// <summary>Gets or sets whether a DEAL's closeDate was written.</summary>
    public bool HasCloseDate { get; set; }

    /// <summary>Gets or sets the chunk's observations for the warnings.</summary>
    public MappingStats Stats { get; set; } = new(0);

    /// <summary>Gets the reasons of every field that failed (the record is rejected with all of them).</summary>
    public List<Failure> Failures { get; } = [];

    /// <summary>Gets the values left out by <c>onInvalid: omit</c>: field name and reason.</summary>
    public List<(string Field, string Reason)> Omitted { get; } = [];

    public void SetObjectId(ReadOnlySpan<char> objectId)
    {
        ObjectId = WriteId(objectId);
        HasObjectId = true;
    }

    public void SetReference(ReferenceSlot slot, ReadOnlySpan<char> id)
    {
        switch (slot)
        {
            case ReferenceSlot.AccountId:
                AccountId = WriteId(id);
                break;
            case ReferenceSlot.OwnerId:
                OwnerId = WriteId(id);
                break;
            case ReferenceSlot.Stage:
                Stage = WriteId(id);
                break;
            default:
                break;
        }
    }

    /// <summary>Returns the objectId set for this record, or null (for a rejection).</summary>
    public string? ObjectIdString() =>
        Ids is not null && HasObjectId ? System.Text.Encoding.UTF8.GetString(Ids.WrittenMemory.Span.Slice(ObjectId.Offset, ObjectId.Length)) : null;

    public void Reset()
    {
        ObjectId = default;
        HasObjectId = false;
        ModifiedUtcTicks = 0;
        HasModifiedDate = false;
        InvalidObjectId = null;
        IsDeleted = false;
        RequiredUnlessDeletedWritten = false;
        AccountId = default;
        OwnerId = default;
        Stage = default;
        HasCloseDate = false;
        if (Failures.Count > 0)
        {
            Failures.Clear();
        }

        if (Omitted.Count > 0)
        {
            Omitted.Clear();
        }
    }

    private IdRange WriteId(ReadOnlySpan<char> id)
    {
        if (Ids is null || id.IsEmpty)
        {
            return default;
        }

        var offset = Ids.WrittenCount;
        var length = System.Text.Encoding.UTF8.GetBytes(id, Ids.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(id.Length)));
        Ids.Advance(length);
        return new IdRange(offset, length);
    }
}
