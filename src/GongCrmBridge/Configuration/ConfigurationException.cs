namespace GongCrmBridge.Configuration;

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
