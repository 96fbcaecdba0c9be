using CsvHelper;
using GongCrmBridge.Onboarding;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Reads the header and the first rows of a CSV export for <c>init</c> (the delimiter is detected).</summary>
internal static class CsvSampleReader
{
    public static ExportSample Read(string path, int maxRows)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions
        {
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        });
        reader.ReadHeader();
        string[] header = [.. reader.Headers];
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < maxRows && reader.Read())
        {
            var cells = new string[Math.Min(reader.FieldCount, header.Length)];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            rows.Add(cells);
        }

        return new ExportSample(header, rows);
    }
}
