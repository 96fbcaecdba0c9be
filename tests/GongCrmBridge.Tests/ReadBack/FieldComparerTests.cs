using System.Text.Json;
using GongCrmBridge.ReadBack;

namespace GongCrmBridge.Tests.ReadBack;

/// <summary>A value read back from Gong is the value sent when it names the same instant, day or number.</summary>
public sealed class FieldComparerTests
{
    [Theory]
    [InlineData("\"2024-03-01T08:00:00Z\"", "\"2024-03-01T08:00:00.000+00:00\"")]
    [InlineData("\"2024-03-01T08:00:00Z\"", "\"2024-03-01T09:00:00+01:00\"")]
    [InlineData("\"2024-06-30\"", "\"2024-06-30T00:00:00Z\"")]
    [InlineData("48000", "48000.0")]
    [InlineData("48000", "\"48000\"")]
    [InlineData("0.7", "0.70")]
    [InlineData("true", "\"true\"")]
    [InlineData("null", "\"\"")]
    [InlineData("\"Fabrikam\"", "\"Fabrikam\"")]
    [InlineData("[\"a\",\"b\"]", "[\"a\",\"b\"]")]
    public void SameValue_EqualValuesWrittenDifferently_AreTheSame(string sent, string readBack) =>
        Assert.True(FieldComparer.SameValue(Json(sent), Json(readBack)));

    [Theory]
    [InlineData("\"2024-03-01T08:00:00Z\"", "\"2024-03-01T08:00:01Z\"")]
    [InlineData("\"2024-06-30\"", "\"2024-07-01\"")]
    [InlineData("48000", "48000.5")]
    [InlineData("\"Fabrikam\"", "\"fabrikam\"")]
    [InlineData("\"2024-03-01\"", "\"2024-03-01 is a date\"")]
    [InlineData("true", "false")]
    [InlineData("\"x\"", "null")]
    [InlineData("[\"a\",\"b\"]", "[\"b\",\"a\"]")]
    public void SameValue_DifferentValues_Differ(string sent, string readBack) =>
        Assert.False(FieldComparer.SameValue(Json(sent), Json(readBack)));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
