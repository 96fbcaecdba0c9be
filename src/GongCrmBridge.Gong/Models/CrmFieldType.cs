namespace GongCrmBridge.Gong.Models;

/// <summary>The 14 field types of Gong's entity schema (wire names are the upper-case member names).</summary>
public enum CrmFieldType
{
    /// <summary>A JSON boolean.</summary>
    BOOLEAN,

    /// <summary>A date string, <c>yyyy-MM-dd</c>.</summary>
    DATE,

    /// <summary>An ISO-8601 date-time string without fractional seconds.</summary>
    DATETIME,

    /// <summary>A string, one of the field's ordered value list.</summary>
    PICKLIST,

    /// <summary>A JSON number.</summary>
    NUMBER,

    /// <summary>A JSON number from 0 to 100.</summary>
    PERCENT,

    /// <summary>A JSON number in the company's single currency.</summary>
    CURRENCY,

    /// <summary>A phone number string, any format.</summary>
    PHONENUMBER,

    /// <summary>An email address string.</summary>
    EMAILADDRESS,

    /// <summary>The objectId of another object (see <see cref="CrmSchemaField.ReferenceTo"/>).</summary>
    REFERENCE,

    /// <summary>An object id string.</summary>
    ID,

    /// <summary>Free text.</summary>
#pragma warning disable CA1720 // Gong's wire name: members are spelled as on the wire, and STRING is one
    STRING,
#pragma warning restore CA1720

    /// <summary>An absolute URL string.</summary>
    URL,

    /// <summary>An array of strings (Gong-defined fields only, such as account <c>domains</c>).</summary>
    STRINGARRAY,
}
