using CsvHelper;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Reads the header row of a CSV export, detecting its delimiter.</summary>
internal static class CsvHeader
{
    public static IReadOnlyList<string> Read(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions());
        reader.ReadHeader();
        return [.. reader.Headers];
    }
}
