namespace GongCrmBridge.Configuration;

/// <summary>Why a path given for a file is not one: it does not exist, or it is a directory. Saying which spares the
/// user from checking a path that is right but names a folder.</summary>
public static class MissingFile
{
    /// <summary>Returns "does not exist" or "is a directory, not a file" for a <paramref name="path"/> that is not a file.</summary>
    public static string Why(string path) => Directory.Exists(path) ? "is a directory, not a file" : "does not exist";
}
