using System.Globalization;
using System.Text.RegularExpressions;

namespace GongCrmBridge.Sandbox.Store;

/// <summary>Gong's value formats (CRM-API.md §1.6, §3).</summary>
internal static partial class WireFormats
{
    public const int MaxObjectIdLength = 64;

    /// <summary>Object types of <c>POST /v2/crm/entities</c>.</summary>
    public static readonly IReadOnlyList<string> UploadObjectTypes = ["BUSINESS_USER", "STAGE", "ACCOUNT", "CONTACT", "DEAL", "LEAD"];

    /// <summary>Object types that accept a schema and can be read back.</summary>
    public static readonly IReadOnlyList<string> SchemaObjectTypes = ["ACCOUNT", "CONTACT", "DEAL", "LEAD"];

    /// <summary>The 14 schema field types.</summary>
    public static readonly IReadOnlySet<string> FieldTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "BOOLEAN", "DATE", "DATETIME", "PICKLIST", "NUMBER", "PERCENT", "CURRENCY",
        "PHONENUMBER", "EMAILADDRESS", "REFERENCE", "ID", "STRING", "URL", "STRINGARRAY",
    };

    /// <summary>Targets of a <c>REFERENCE</c> field (<c>USER</c>, not <c>BUSINESS_USER</c>).</summary>
    public static readonly IReadOnlySet<string> ReferenceTargets = new HashSet<string>(StringComparer.Ordinal)
    {
        "ACCOUNT", "CONTACT", "DEAL", "LEAD", "USER",
    };

    public static bool IsUploadObjectType(string? value) => value is not null && UploadObjectTypes.Contains(value);

    public static bool IsSchemaObjectType(string? value) => value is not null && SchemaObjectTypes.Contains(value);

    public static bool IsClientRequestId(string? value) => !string.IsNullOrEmpty(value) && ClientRequestIdPattern().IsMatch(value);

    public static bool IsEmail(string? value) => !string.IsNullOrEmpty(value) && EmailPattern().IsMatch(value);

    public static bool IsObjectId(string value, bool allowUnderscore) =>
        (allowUnderscore ? ObjectIdWithUnderscorePattern() : ObjectIdPattern()).IsMatch(value) || IsEmail(value);

    /// <summary>ISO-8601 date-time with seconds, no fractional part, with <c>Z</c> or an offset.</summary>
    public static bool IsDateTime(string? value) =>
        value is not null
        && DateTimePattern().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>ISO-8601 date only, <c>yyyy-MM-dd</c>.</summary>
    public static bool IsDate(string? value) =>
        value is not null
        && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsAbsoluteUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientRequestIdPattern();

    [GeneratedRegex("^[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectIdWithUnderscorePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
