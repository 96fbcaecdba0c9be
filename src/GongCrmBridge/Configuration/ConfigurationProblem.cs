namespace GongCrmBridge.Configuration;

/// <summary>A problem in a job or mapping file, located at the YAML node that causes it.</summary>
/// <param name="File">The file that holds the problem.</param>
/// <param name="Line">1-based line of the node (0 when the problem concerns the whole file).</param>
/// <param name="Column">1-based column of the node (0 when unknown).</param>
/// <param name="Message">What is wrong, in words a user understands.</param>
public sealed record ConfigurationProblem(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line > 0 ? $"{File}({Line},{Column}): {Message}" : $"{File}: {Message}";
}
