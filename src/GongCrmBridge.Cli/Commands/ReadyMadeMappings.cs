namespace GongCrmBridge.Cli.Commands;

/// <summary>The ready-made mappings of the repository's <c>mappings/</c> folder, embedded in the tool.</summary>
internal static class ReadyMadeMappings
{
    /// <summary>The text of <paramref name="path"/> (e.g. <c>mappings/hubspot/deal.yaml</c>), or <c>null</c>.</summary>
    public static string? Read(string path)
    {
        var assembly = typeof(ReadyMadeMappings).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => string.Equals(n.Replace('\\', '/'), path, StringComparison.Ordinal));
        if (name is null)
        {
            return null;
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
