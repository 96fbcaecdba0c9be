using System.Text;

namespace GongCrmBridge.Testing;

/// <summary>
/// A small RFC 4180 reader for the tests, independent of the code under test: quoted fields with doubled quotes,
/// separators and line breaks inside quotes, CRLF or LF line ends. Used to read what the tool wrote
/// (rejections.csv) and what the sample generators wrote.
/// </summary>
internal static class TestCsv
{
    /// <summary>Reads every row of the file at <paramref name="path"/>.</summary>
    public static List<string[]> ReadFile(string path, char separator = ',', Encoding? encoding = null) =>
        [.. Rows(File.ReadAllText(path, encoding ?? Encoding.UTF8), separator)];

    /// <summary>Splits <paramref name="text"/> into rows; a last line without a line end is a row too.</summary>
    public static IEnumerable<string[]> Rows(string text, char separator = ',')
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return [.. row];
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return [.. row];
        }
    }
}
