namespace GongCrmBridge;

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

/// <summary>The job or a mapping cannot be used; nothing was processed or sent.</summary>
/// <remarks>Carries every problem found, not only the first, so a user fixes them in one go.</remarks>
public sealed class ConfigurationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ConfigurationException"/> class.</summary>
    public ConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Initializes a new instance of the <see cref="ConfigurationException"/> class with one problem.</summary>
    public ConfigurationException(ConfigurationProblem problem)
        : this([problem])
    {
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ConfigurationProblem> problems) =>
        problems.Count == 1
            ? problems[0].ToString()
            : $"{problems.Count} configuration problems:{Environment.NewLine}" +
              string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
