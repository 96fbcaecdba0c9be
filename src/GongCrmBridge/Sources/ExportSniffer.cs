using System.Globalization;
using GongCrmBridge.Configuration;

namespace GongCrmBridge.Sources;

/// <summary>Looks at the first bytes of an export before it is read, to stop a run on a file that is not text in the
/// declared encoding at all (gzip, ZIP, UTF-16 without a byte order mark, binary) with one message naming the file,
/// instead of a column error per mapping entry or a rejection per line.</summary>
internal static class ExportSniffer
{
    private const int SampleBytes = 4096;

    /// <summary>Throws a <see cref="ConfigurationException"/> naming <paramref name="spec"/>'s file when it is not text.</summary>
    /// <exception cref="IOException">The export cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The export may not be read.</exception>
    public static void Check(SourceSpec spec)
    {
        var sample = new byte[SampleBytes];
        int length;
        using (var stream = new FileStream(spec.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            length = stream.ReadAtLeast(sample, SampleBytes, throwOnEndOfStream: false);
        }

        if (Problem(sample.AsSpan(0, length), SourceEncodings.Resolve(spec.Encoding)) is { } problem)
        {
            throw new ConfigurationException([new ConfigurationProblem(spec.Path, 0, 0, problem)]);
        }
    }

    private static string? Problem(ReadOnlySpan<byte> sample, System.Text.Encoding? declared)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "this looks like gzip (the file starts with gzip's signature): decompress it first (gunzip) and point source.path at the result";
        }

        if (sample.StartsWith("PK\x03\x04"u8))
        {
            return "this looks like a ZIP archive (an .xlsx workbook?): export or unzip the CSV / JSON Lines file first";
        }

        var hasBom = sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (hasBom || declared is System.Text.UnicodeEncoding || sample.IndexOf((byte)0) < 0)
        {
            return null;
        }

        var (evenZeros, oddZeros) = (0, 0);
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = Math.Max(1, sample.Length / 2);
        if (oddZeros > pairs * 0.6 || evenZeros > pairs * 0.6)
        {
            var order = oddZeros > evenZeros ? "little-endian" : "big-endian";
            return $"this looks like UTF-16 ({order}) without a byte order mark (every other byte is 0): save it as UTF-8, or set source.encoding: {(order == "little-endian" ? "utf-16" : "utf-16be")}";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"this looks like a binary file, not text (it holds a NUL byte at byte {sample.IndexOf((byte)0) + 1})");
    }
}
