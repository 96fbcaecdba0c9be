using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace GongCrmBridge.Cli.Api;

/// <summary>Prints Gong's answers: the items of each page (the property <see cref="ApiCommandSpec.Items"/> names, or
/// the whole answer) as a table, one JSON document, or JSON Lines, optionally only some fields. JSON and JSON Lines
/// are written page by page, so <c>--all</c> over many pages holds one page in memory; a table needs them all.</summary>
internal sealed class ApiOutput
{
    private const int MaxCellLength = 80;

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IAnsiConsole _console;
    private readonly OutputFormat _format;
    private readonly IReadOnlyList<string>? _fields;
    private readonly string? _itemsProperty;
    private readonly IReadOnlyList<string>? _defaultColumns;

    public ApiOutput(IAnsiConsole console, OutputFormat format, string? fields, string? itemsProperty, string? defaultColumns)
    {
        _console = console;
        _format = format;
        _fields = Split(fields);
        _itemsProperty = itemsProperty;
        _defaultColumns = Split(defaultColumns);
    }

    /// <summary>Prints the items of the pages.</summary>
    /// <param name="pages">Gong's answers, one per page.</param>
    /// <param name="asList">Print a list even when the items property holds one object (several pages were asked for).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The number of items printed.</returns>
    public async Task<int> WriteAsync(IAsyncEnumerable<JsonElement> pages, bool asList, CancellationToken cancellationToken)
    {
        var writer = _console.Profile.Out.Writer;
        var rows = new List<JsonElement>();
        var count = 0;
        var arrayStarted = false;
        bool? single = null;
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, Indented);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            var (items, isSingle) = ItemsOf(page);
            single ??= isSingle && !asList;
            if (_format == OutputFormat.Json && !arrayStarted && single == false)
            {
                json.WriteStartArray();
                arrayStarted = true;
            }

            foreach (var item in items)
            {
                var shown = Project(item);
                count++;
                switch (_format)
                {
                    case OutputFormat.Jsonl:
                        await writer.WriteLineAsync(ToText(shown, Compact));
                        break;
                    case OutputFormat.Json:
                        shown.WriteTo(json);
                        await json.FlushAsync(cancellationToken);
                        await writer.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
                        buffer.ResetWrittenCount();
                        break;
                    default:
                        rows.Add(shown);
                        break;
                }
            }
        }

        if (_format == OutputFormat.Json)
        {
            if (single != true)
            {
                if (!arrayStarted)
                {
                    json.WriteStartArray();
                }

                json.WriteEndArray();
            }

            await json.FlushAsync(cancellationToken);
            await writer.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        else if (_format == OutputFormat.Table)
        {
            WriteTable(rows, single == true);
        }

        return count;
    }

    /// <summary>The next page's cursor of an answer, if Gong sent one.</summary>
    public static string? NextCursor(JsonElement page) =>
        JsonPath.Get(page, "records.cursor") is { ValueKind: JsonValueKind.String } cursor ? cursor.GetString() : null;

    private static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string ToText(JsonElement element, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Cell(JsonElement? value)
    {
        var text = value switch
        {
            null => string.Empty,
            { ValueKind: JsonValueKind.String } s => s.GetString() ?? string.Empty,
            { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => string.Empty,
            { ValueKind: JsonValueKind.Object or JsonValueKind.Array } complex => ToText(complex, Compact),
            { } other => other.GetRawText(),
        };
        return text.Length > MaxCellLength ? text[..(MaxCellLength - 1)] + "…" : text;
    }

    private (IEnumerable<JsonElement> Items, bool Single) ItemsOf(JsonElement page)
    {
        if (_itemsProperty is null)
        {
            return ([page], true);
        }

        return JsonPath.Get(page, _itemsProperty) switch
        {
            { ValueKind: JsonValueKind.Array } array => (array.EnumerateArray(), false),
            { ValueKind: JsonValueKind.Object } item => ([item], true),
            _ => ([], false),
        };
    }

    /// <summary>The item with only the <c>--fields</c> asked for (missing ones as null), keyed by their paths.</summary>
    private JsonElement Project(JsonElement item)
    {
        if (_fields is null)
        {
            return item;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in _fields)
            {
                writer.WritePropertyName(field);
                if (JsonPath.Get(item, field) is { } value)
                {
                    value.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private void WriteTable(List<JsonElement> rows, bool single)
    {
        if (rows.Count == 0)
        {
            _console.WriteLine("Nothing found.");
            return;
        }

        if (single && rows.Count == 1)
        {
            var details = new Table().AddColumn("Field").AddColumn("Value");
            foreach (var property in rows[0].EnumerateObject())
            {
                details.AddRow(new Text(property.Name), new Text(Cell(property.Value)));
            }

            _console.Write(details);
            return;
        }

        var columns = _fields is null ? _defaultColumns ?? ScalarFields(rows[0]) : [.. rows[0].EnumerateObject().Select(p => p.Name)];
        var table = new Table();
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        foreach (var row in rows)
        {
            table.AddRow([.. columns.Select(column => (Spectre.Console.Rendering.IRenderable)new Text(Cell(_fields is null ? JsonPath.Get(row, column) : row.GetProperty(column))))]);
        }

        _console.Write(table);
    }

    private static List<string> ScalarFields(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
            ? [.. item.EnumerateObject().Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)).Select(p => p.Name).Take(8)]
            : ["value"];
}
