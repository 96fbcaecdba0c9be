using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace GongCrmBridge.Sources;

/// <summary>Parses one JSON Lines line into a <see cref="SourceChunk"/>: the mapped paths' values as cells, or the
/// line's problem. Keeps its scratch buffers between lines, so one parser serves a whole file.</summary>
internal sealed class JsonLineParser
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly JsonPathTree _paths;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly bool[] _found;
    private readonly bool _checkUtf8;
    private byte[] _values = new byte[4096];
    private int _valueLength;
    private byte[] _lineCopy = [];

    public JsonLineParser(JsonPathTree paths, int columnCount, bool checkUtf8)
    {
        _checkUtf8 = checkUtf8;
        _paths = paths;
        _starts = new int[columnCount];
        _lengths = new int[columnCount];
        _found = new bool[columnCount];
    }

    public void ParseLine(ReadOnlySequence<byte> bytes, long line, bool firstLine, int maxBytes, SourceChunk chunk)
    {
        if (bytes.Length > maxBytes + 1)
        {
            chunk.AddProblem(line, JsonLinesRecordSource.TooLargeReason(maxBytes));
            return;
        }

        ReadOnlySpan<byte> span;
        if (bytes.IsSingleSegment)
        {
            span = bytes.FirstSpan;
        }
        else
        {
            if (_lineCopy.Length < bytes.Length)
            {
                _lineCopy = new byte[Math.Max((int)bytes.Length, _lineCopy.Length * 2)];
            }

            bytes.CopyTo(_lineCopy);
            span = _lineCopy.AsSpan(0, (int)bytes.Length);
        }

        if (_checkUtf8 && InvalidUtf8.Problem(span, line) is { } notUtf8)
        {
            // Checked up front: the JSON reader would throw on it in a property name or an escaped string.
            chunk.AddProblem(line, notUtf8);
            return;
        }

        if (firstLine && span.StartsWith(Utf8Bom))
        {
            span = span[Utf8Bom.Length..];
        }

        span = span.TrimEnd((byte)'\r');
        if (span.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        if (span.Length > maxBytes)
        {
            chunk.AddProblem(line, JsonLinesRecordSource.TooLargeReason(maxBytes));
            return;
        }

        Array.Clear(_found);
        _valueLength = 0;
        string? problem;
        try
        {
            problem = Parse(span);
        }
        catch (InvalidOperationException)
        {
            problem = "The line holds a value the JSON reader cannot decode.";
        }
        catch (JsonException e)
        {
            // Never e.Message: it quotes the offending character.
            problem = string.Create(
                CultureInfo.InvariantCulture, $"The line is not valid JSON (at character {e.BytePositionInLine + 1}).");
        }

        if (problem is not null)
        {
            chunk.AddProblem(line, problem);
            return;
        }

        chunk.BeginRecord(line);
        for (var c = 0; c < _found.Length; c++)
        {
            if (_found[c])
            {
                chunk.AddCellUtf8(c, _values.AsSpan(_starts[c], _lengths[c]));
            }
            else
            {
                chunk.AddCell(c, []);
            }
        }
    }

    private string? Parse(ReadOnlySpan<byte> span)
    {
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "The line is not a JSON object.";
        }

        ReadObject(ref reader, span, _paths.Root);
        if (reader.Read())
        {
            return "The line holds more than one JSON value.";
        }

        return null;
    }

    private void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, JsonPathTree.Node node)
    {
        Span<char> nameBuffer = stackalloc char[128];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var child = FindChild(ref reader, node, nameBuffer);
            reader.Read();
            if (child is null)
            {
                reader.Skip();
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            if (isObject && child.Children is not null)
            {
                ReadObject(ref reader, span, child);
            }

            if (child.Column < 0 || _found[child.Column])
            {
                if (!isObject || child.Children is null)
                {
                    reader.Skip();
                }

                continue;
            }

            var valueStart = _valueLength;
            if (isObject)
            {
                if (child.Children is null)
                {
                    reader.Skip();
                }

                Append(span[start..(int)reader.BytesConsumed]);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                AppendArray(ref reader, span);
            }
            else
            {
                AppendScalar(ref reader);
            }

            _found[child.Column] = true;
            _starts[child.Column] = valueStart;
            _lengths[child.Column] = _valueLength - valueStart;
        }
    }

    private static JsonPathTree.Node? FindChild(ref Utf8JsonReader reader, JsonPathTree.Node node, scoped Span<char> nameBuffer)
    {
        if (node.Children is null)
        {
            return null;
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > nameBuffer.Length)
        {
            return node.Children.TryGetValue(reader.GetString()!, out var named) ? named : null;
        }

        var written = reader.CopyString(nameBuffer);
        return node.Lookup.TryGetValue(nameBuffer[..written], out var child) ? child : null;
    }

    private void AppendArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> span)
    {
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!first)
            {
                Append(";"u8);
            }

            first = false;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                Append(span[start..(int)reader.BytesConsumed]);
            }
            else
            {
                AppendScalar(ref reader);
            }
        }
    }

    private void AppendScalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when reader.ValueIsEscaped:
                var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                EnsureValueCapacity(length);
                _valueLength += reader.CopyString(_values.AsSpan(_valueLength));
                break;
            case JsonTokenType.String or JsonTokenType.Number:
                Append(reader.ValueSpan);
                break;
            case JsonTokenType.True:
                Append("true"u8);
                break;
            case JsonTokenType.False:
                Append("false"u8);
                break;
            default:
                // null: empty.
                break;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureValueCapacity(bytes.Length);
        bytes.CopyTo(_values.AsSpan(_valueLength));
        _valueLength += bytes.Length;
    }

    private void EnsureValueCapacity(int extra)
    {
        if (_valueLength + extra > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _valueLength + extra));
        }
    }
}
