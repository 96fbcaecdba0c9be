using System.Text;

namespace GongCrmBridge.Sources;

/// <summary>Resolves the <c>encoding</c> names a job file may use.</summary>
internal static class SourceEncodings
{
    private static readonly Lazy<bool> CodePagesRegistered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>Returns the encoding named <paramref name="name"/>; null for UTF-8 (the readers' default, BOM honoured).</summary>
    /// <exception cref="ArgumentException">The name is not a known encoding.</exception>
    public static Encoding? Resolve(string? name)
    {
        if (TryResolve(name, out var encoding))
        {
            return encoding;
        }

        throw new ArgumentException(
            "Unknown encoding; use utf-8, latin1, windows-1252 or utf-16 (or another .NET encoding name).", nameof(name));
    }

    /// <summary>Tries to resolve <paramref name="name"/>; <paramref name="encoding"/> is null for UTF-8.</summary>
    public static bool TryResolve(string? name, out Encoding? encoding)
    {
        encoding = null;
        var key = (name ?? string.Empty).Trim().ToUpperInvariant().Replace("_", "-", StringComparison.Ordinal);
        switch (key)
        {
            case "" or "UTF-8" or "UTF8" or "UTF-8-BOM" or "UTF-8-SIG":
                return true;
            case "LATIN1" or "LATIN-1" or "ISO-8859-1" or "ISO8859-1":
                encoding = Encoding.Latin1;
                return true;
            case "UTF-16" or "UTF16" or "UTF-16LE" or "UNICODE":
                encoding = Encoding.Unicode;
                return true;
            case "UTF-16BE":
                encoding = Encoding.BigEndianUnicode;
                return true;
        }

        _ = CodePagesRegistered.Value;
        try
        {
            encoding = key is "CP1252" or "WINDOWS1252" ? Encoding.GetEncoding(1252) : Encoding.GetEncoding(name!.Trim());
            if (encoding.CodePage == Encoding.UTF8.CodePage)
            {
                encoding = null;
            }

            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
