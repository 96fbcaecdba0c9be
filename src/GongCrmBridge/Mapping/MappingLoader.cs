using GongCrmBridge.Configuration;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Mapping;

/// <summary>Loads a mapping file (SPEC.md, "Mapping file") and compiles it into a <see cref="CompiledMapping"/>.</summary>
/// <remarks>
/// <para>How one value is made, in order: the source (<c>column</c>, <c>template</c> - empty when any of its
/// placeholders is empty - or <c>value</c>); the <c>transform</c> list in its order; <c>map</c> (the trimmed value
/// looked up case-insensitively; <c>"*"</c> catches every other non-empty value; otherwise it passes through); if the
/// result is empty or white space, <c>default</c> (taken as written, not transformed or mapped), else
/// <c>required</c> rejects the record, else the key is left out; then the value is read as its type and checked
/// against Gong's rule. A <c>stringArray</c> is <c>split</c> first and each item transformed, mapped and trimmed;
/// empty items and repeats are dropped.</para>
/// <para>Types: numbers use <c>culture</c> (default invariant), and a group separator must group by three digits
/// (so <c>1,5</c> is not read as 15); booleans are true/false, yes/no, y/n, 1/0; date-times without <c>format</c>
/// are ISO-8601 (<c>yyyy-MM-dd</c>, optional <c>T</c>/space time, fraction, <c>Z</c> or offset). An explicit
/// offset wins; otherwise the time is local to <c>timeZone</c> (IANA id; default UTC). Skipped local times
/// (spring forward) are read with the offset before the gap; repeated ones (fall back) as their first, daylight-time
/// occurrence. Output: dates <c>yyyy-MM-dd</c>, date-times <c>yyyy-MM-ddTHH:mm:ssZ</c> (fraction dropped).</para>
/// <para>Every problem is collected with the file, line and column of its YAML node; nothing stops at the first.</para>
/// </remarks>
internal static class MappingLoader
{
    /// <summary>Loads and compiles <paramref name="mappingPath"/>.</summary>
    /// <param name="mappingPath">The mapping file.</param>
    /// <param name="expectedType">The object type the job expects the mapping to produce, or null to take the
    /// file's <c>objectType</c> as is.</param>
    /// <returns>The compiled mapping.</returns>
    /// <exception cref="ConfigurationException">The file is missing or has problems; every problem is listed,
    /// each with the file, line and column of its YAML node.</exception>
    public static CompiledMapping Load(string mappingPath, CrmObjectType? expectedType)
    {
        var problems = new List<ConfigurationProblem>();
        var mapping = Load(mappingPath, expectedType, problems);
        if (problems.Count > 0 || mapping is null)
        {
            throw new ConfigurationException(problems);
        }

        return mapping;
    }

    /// <summary>Loads <paramref name="mappingPath"/>, adding every problem to <paramref name="problems"/>.</summary>
    internal static CompiledMapping? Load(string mappingPath, CrmObjectType? expectedType, List<ConfigurationProblem> problems)
    {
        var before = problems.Count;
        var (yaml, root) = ConfigYaml.Open(mappingPath, problems);
        if (root is null)
        {
            return null;
        }

        var mapping = new MappingCompiler(yaml).Compile(root, expectedType);
        return problems.Count == before ? mapping : null;
    }
}
