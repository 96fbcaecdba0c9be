namespace GongCrmBridge.Validation;

/// <summary>The JSON shape of a mapped value (the <c>type</c> of a field spec).</summary>
internal enum ValueKind
{
    /// <summary>A JSON string (the default).</summary>
    String,

    /// <summary>A JSON number (decimal).</summary>
    Number,

    /// <summary>A JSON number without a fraction.</summary>
    Integer,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A <c>yyyy-MM-dd</c> string.</summary>
    Date,

    /// <summary>A <c>yyyy-MM-ddTHH:mm:ssZ</c> string (UTC, no fractional seconds).</summary>
    DateTime,

    /// <summary>A JSON array of strings.</summary>
    StringArray,
}
