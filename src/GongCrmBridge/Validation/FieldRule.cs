namespace GongCrmBridge.Validation;

/// <summary>The Gong rule a value must satisfy beyond its JSON shape.</summary>
internal enum FieldRule
{
    /// <summary>No rule beyond the shape.</summary>
    None,

    /// <summary>The record's own objectId: at most 64 characters, letters/digits/<c>-</c>/<c>_</c> or an email.</summary>
    ObjectId,

    /// <summary>The objectId of another object (trimmed, not checked: a reference that matches no object is a
    /// job-wide referential warning, not a reason to drop the record).</summary>
    Reference,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>An absolute http(s) URL.</summary>
    Url,

    /// <summary>DEAL <c>status</c>: OPEN, WON or LOST (matched case-insensitively, sent upper-case).</summary>
    DealStatus,

    /// <summary>One of a PICKLIST's values (matched case-insensitively, sent as declared).</summary>
    Picklist,

    /// <summary>A number from 0 to 100.</summary>
    Percent,

    /// <summary>An integer from 1 to 2,147,483,647 (STAGE <c>sortOrder</c>, a 32-bit integer in Gong).</summary>
    PositiveInteger,
}
