using GongCrmBridge.Configuration;
using YamlDotNet.RepresentationModel;

namespace GongCrmBridge.Mapping;

/// <summary>Reads a boolean setting of a job or mapping file (<c>required</c>, <c>hasHeader</c>) with the spellings
/// export cells use (<see cref="BooleanText"/>), so that <c>yes</c> means the same in both.</summary>
/// <remarks>It lives here rather than on <see cref="ConfigYaml"/> so that configuration reading does not depend on
/// mapping: mapping and jobs depend on configuration, never the other way.</remarks>
internal static class BooleanSettings
{
    /// <summary>Parses a boolean scalar (true/false, yes/no, y/n, 1/0), or returns null with a problem.</summary>
    public static bool? Boolean(this ConfigYaml yaml, YamlNode node, string what)
    {
        var text = yaml.Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (BooleanText.TryParse(text.AsSpan().Trim(), out var value))
        {
            return value;
        }

        yaml.Problem(node, $"{what} must be true or false");
        return null;
    }
}
