namespace GongCrmBridge.Sources;

/// <summary>The format of a source export.</summary>
public enum SourceFormat
{
    /// <summary>Comma (or otherwise) separated values with a header row.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line; nested values addressed as <c>a.b</c>.</summary>
    JsonLines,
}

/// <summary>Where and how to read one export (the job file's <c>source</c> node).</summary>
/// <param name="Path">Absolute path of the export.</param>
/// <param name="Format">The export's format.</param>
/// <param name="Delimiter">CSV field delimiter (default <c>,</c>).</param>
/// <param name="Encoding">Text encoding name: <c>utf-8</c> (default; a BOM is honoured), <c>latin1</c>,
/// <c>windows-1252</c>, <c>utf-16</c> (with BOM).</param>
/// <param name="HasHeader">Whether the first CSV row is a header (default true). Without one, columns are
/// named by their 1-based position: <c>"1"</c>, <c>"2"</c>, ...</param>
public sealed record SourceSpec(
    string Path,
    SourceFormat Format = SourceFormat.Csv,
    string Delimiter = ",",
    string Encoding = "utf-8",
    bool HasHeader = true);
