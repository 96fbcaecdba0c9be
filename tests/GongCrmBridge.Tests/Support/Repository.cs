namespace GongCrmBridge.Tests.Support;

/// <summary>The checkout the tests run in, so they read the real <c>samples/</c> and <c>mappings/</c>.</summary>
internal static class Repository
{
    /// <summary>Gets the folder that holds <c>GongCrmBridge.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GongCrmBridge.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("GongCrmBridge.sln not found above " + AppContext.BaseDirectory);
    }
}
