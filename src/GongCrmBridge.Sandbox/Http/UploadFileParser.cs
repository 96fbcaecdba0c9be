using System.Text;
using System.Text.Json;
using GongCrmBridge.Sandbox.Store;

namespace GongCrmBridge.Sandbox.Http;

/// <summary>Reads the <c>dataFile</c> of an upload line by line (Gong's limits: size, UTF-8 without BOM, one JSON object
/// per line, an objectId once per file) and validates each record against the object type's rules and schema.</summary>
internal sealed class UploadFileParser(SandboxOptions options)
{
    private readonly SandboxOptions _options = options;

    public async Task<ParsedFile> ParseAsync(Stream body, string objectType, Dictionary<string, SchemaField> schema, CancellationToken ct)
    {
        var limited = new LimitedStream(body, _options.MaxUploadBytes);
        var lines = new List<UploadLine>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new StreamReader(limited, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        var number = 0;
        try
        {
            string? text;
            while ((text = await reader.ReadLineAsync(ct).ConfigureAwait(false)) is not null)
            {
                number++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                lines.Add(ParseLine(number, text, objectType, schema, firstLineOf));
            }
        }
        catch (LimitExceededException)
        {
            return new ParsedFile([], null, TooLarge: true);
        }
        catch (DecoderFallbackException)
        {
            return new ParsedFile(lines, $"The file is not valid UTF-8 (line {number + 1})", TooLarge: false);
        }

        return new ParsedFile(lines, null, TooLarge: false);
    }

    private UploadLine ParseLine(int number, string text, string objectType, Dictionary<string, SchemaField> schema, Dictionary<string, int> firstLineOf)
    {
        if (number == 1 && text[0] == '\uFEFF')
        {
            return new UploadLine(number, null, default, false, "The file must be UTF-8 without a byte order mark");
        }

        JsonElement record;
        try
        {
            using var document = JsonDocument.Parse(text);
            record = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new UploadLine(number, null, default, false, "Line is not valid JSON");
        }

        var error = RecordValidator.Validate(objectType, record, schema, _options.AllowUnderscoreInObjectId, out var objectId, out var isDeleted);
        if (objectId is not null)
        {
            if (firstLineOf.TryGetValue(objectId, out var first))
            {
                error ??= $"The object appears more than once in the file (first on line {first}); send each version in its own file";
            }
            else
            {
                firstLineOf[objectId] = number;
            }
        }

        return new UploadLine(number, objectId, record, isDeleted, error);
    }
}

/// <summary>The lines of an upload file, or why the whole file is refused.</summary>
internal sealed record ParsedFile(List<UploadLine> Lines, string? FileError, bool TooLarge);
