using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace GongCrmBridge.Cli.Tests.BadInput;

/// <summary>Writes a case's binary or large inputs from its <c>generate</c> list, so the case folder holds only text:
/// other encodings, line endings, gzip, raw invalid bytes, fields over 1 MB and files of many thousand records.</summary>
internal static partial class CaseFiles
{
    private static readonly Encoding Strict = new UTF8Encoding(false, true);

    public static void Write(string folder, IReadOnlyDictionary<string, string> spec)
    {
        var target = Path.Combine(folder, spec["to"]);
        var kind = spec.GetValueOrDefault("kind", "transcode");
        switch (kind)
        {
            case "transcode":
                File.WriteAllBytes(target, Transcode(File.ReadAllText(Path.Combine(folder, spec["from"]), Strict), spec));
                break;
            case "big-field":
                File.WriteAllBytes(target, Transcode(BigField(spec), spec));
                break;
            case "many":
                File.WriteAllBytes(target, Transcode(Many(spec), spec));
                break;
            case "directory":
                Directory.CreateDirectory(target);
                break;
            default:
                throw new InvalidDataException($"unknown generate kind '{kind}'");
        }
    }

    /// <summary>The text with the case's line ending, encoding and byte order mark; <c>\xHH</c> becomes the raw byte HH
    /// when <c>bytes: true</c>; gzip-compressed when <c>gzip: true</c>.</summary>
    private static byte[] Transcode(string text, IReadOnlyDictionary<string, string> spec)
    {
        text = Repeat().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), m => new string(m.Groups[1].Value[0], int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        var ending = spec.GetValueOrDefault("lineEnding", "lf") switch
        {
            "cr" => "\r",
            "crlf" => "\r\n",
            _ => "\n",
        };
        text = text.Replace("\n", ending, StringComparison.Ordinal);
        var encoding = spec.GetValueOrDefault("encoding", "utf-8") switch
        {
            "latin1" => Encoding.Latin1,
            "windows-1252" => CodePagesEncoding(1252),
            "utf-16le" => new UnicodeEncoding(false, false),
            "utf-16be" => new UnicodeEncoding(true, false),
            _ => (Encoding)new UTF8Encoding(false),
        };
        var bytes = new List<byte>();
        if (spec.GetValueOrDefault("bom") == "true")
        {
            bytes.AddRange(spec.GetValueOrDefault("encoding", "utf-8") switch
            {
                "utf-16le" => [0xFF, 0xFE],
                "utf-16be" => [0xFE, 0xFF],
                _ => [0xEF, 0xBB, 0xBF],
            });
        }

        if (spec.GetValueOrDefault("bytes") == "true")
        {
            var parts = text.Split("\\x");
            bytes.AddRange(encoding.GetBytes(parts[0]));
            foreach (var part in parts.Skip(1))
            {
                bytes.Add(byte.Parse(part.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                bytes.AddRange(encoding.GetBytes(part[2..]));
            }
        }
        else
        {
            bytes.AddRange(encoding.GetBytes(text));
        }

        if (spec.GetValueOrDefault("gzip") != "true")
        {
            return [.. bytes];
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write([.. bytes]);
        }

        return compressed.ToArray();
    }

    /// <summary><c>{repeat:x:N}</c>: the character x, N times (a line over 1 MB without committing one).</summary>
    [GeneratedRegex(@"\{repeat:(.):(\d+)\}")]
    private static partial Regex Repeat();

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>Accounts ACC-1..N (Id,Name,Modified,Notes); record <c>at</c> has a quoted multi-line Notes of
    /// <c>size</c> characters, closed unless <c>unclosed: true</c>.</summary>
    private static string BigField(IReadOnlyDictionary<string, string> spec)
    {
        var records = int.Parse(spec.GetValueOrDefault("records", "3"), CultureInfo.InvariantCulture);
        var at = int.Parse(spec.GetValueOrDefault("at", "2"), CultureInfo.InvariantCulture);
        var size = int.Parse(spec.GetValueOrDefault("size", "1100000"), CultureInfo.InvariantCulture);
        var text = new StringBuilder("Id,Name,Modified,Notes\n");
        for (var n = 1; n <= records; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"ACC-{n},Account {n},2024-03-01T08:00:00Z,");
            if (n == at)
            {
                text.Append('"');
                for (var i = 1; i <= size; i++)
                {
                    text.Append(i % 100 == 0 ? '\n' : 'x');
                }

                text.Append(spec.GetValueOrDefault("unclosed") == "true" ? string.Empty : "\"");
            }
            else
            {
                text.Append("short note");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Accounts ACC-1..N (Id,Name,Modified); record <c>unclosedAt</c> opens a quote it never closes.</summary>
    private static string Many(IReadOnlyDictionary<string, string> spec)
    {
        var records = int.Parse(spec.GetValueOrDefault("records", "12002"), CultureInfo.InvariantCulture);
        var unclosedAt = int.Parse(spec.GetValueOrDefault("unclosedAt", "0"), CultureInfo.InvariantCulture);
        var text = new StringBuilder("Id,Name,Modified\n");
        for (var n = 1; n <= records; n++)
        {
            var name = n == unclosedAt ? $"\"Account {n}" : $"Account {n}";
            text.Append(CultureInfo.InvariantCulture, $"ACC-{n},{name},2024-03-01T08:00:00Z\n");
        }

        return text.ToString();
    }
}
