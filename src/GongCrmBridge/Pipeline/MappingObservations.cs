using System.Globalization;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Pipeline;

/// <summary>Sums the <see cref="MappingStats"/> of one export's chunks and turns them into the run's warnings
/// (SPEC.md, "Run report"): <c>catch-all-dominant</c>, <c>placeholder-value</c>, <c>same-failure</c>,
/// <c>deal-without-account</c>, <c>deal-without-close-date</c>.</summary>
/// <remarks>Fed by the single consumer of the pipeline, so not thread-safe. Thresholds: 90% (SPEC).</remarks>
internal sealed class MappingObservations(CompiledMapping mapping)
{
    private const double Dominant = 0.9;
    private const int MinimumValues = 10;

    private readonly IReadOnlyList<FieldPlan> _plans = mapping.Plans;
    private readonly long[] _invalid = new long[mapping.Plans.Count];
    private readonly string?[] _firstReason = new string?[mapping.Plans.Count];
    private readonly List<string>[] _samples = [.. mapping.Plans.Select(_ => new List<string>())];
    private readonly long[] _caught = new long[mapping.Plans.Count];
    private readonly long[] _mapped = new long[mapping.Plans.Count];
    private readonly long[] _filled = new long[mapping.Plans.Count];
    private readonly Dictionary<string, long>[] _candidates = [.. mapping.Plans.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    private readonly List<RunWarning> _headerWarnings = [];
    private long _evaluated;
    private long _dealsWithoutAccount;
    private long _dealsWithoutCloseDate;

    private readonly DamageObservations _damage = new(mapping.ObjectType);

    /// <summary>Gets the rows <c>where</c> skipped.</summary>
    public long Skipped { get; private set; }

    /// <summary>Notes what a chunk's records and rejections say about the data (<see cref="DamageObservations"/>).</summary>
    public void Observe(MappedChunk chunk) => _damage.Observe(chunk);

    public void Add(MappingStats stats)
    {
        Skipped += stats.Skipped;
        _evaluated += stats.Evaluated;
        _dealsWithoutAccount += stats.DealsWithoutAccount;
        _dealsWithoutCloseDate += stats.DealsWithoutCloseDate;
        for (var i = 0; i < stats.Invalid.Length; i++)
        {
            _invalid[i] += stats.Invalid[i];
            _firstReason[i] ??= stats.FirstReason[i];
            if (stats.Samples[i] is { } samples && _samples[i].Count < 16)
            {
                _samples[i].AddRange(samples);
            }

            _caught[i] += stats.Caught[i];
            _mapped[i] += stats.Mapped[i];
            _filled[i] += stats.Filled[i];
            if (stats.Candidate[i] is { } candidate)
            {
                _candidates[i][candidate] = _candidates[i].GetValueOrDefault(candidate) + stats.CandidateCount[i];
            }
        }
    }

    /// <summary>Returns the warnings the export earned.</summary>
    public IEnumerable<RunWarning> Warnings()
    {
        var type = mapping.ObjectType.ToWireName();
        foreach (var warning in _headerWarnings)
        {
            yield return warning;
        }

        for (var i = 0; i < _plans.Count; i++)
        {
            var plan = _plans[i];
            if (_evaluated > 0 && _invalid[i] == _evaluated)
            {
                var suggestion = plan.ReadsDates ? FormatSuggester.Suggest(_samples[i]) : null;
                var advice = suggestion is null ? string.Empty : $"; the values read with format: \"{suggestion}\"";
                yield return Warning("same-failure", type, plan.Name, _invalid[i],
                    $"every {type} record failed {plan.Subject} the same way: a mapping problem, not a data one ({_firstReason[i]}){advice}");
            }

            if (_mapped[i] >= MinimumValues && _caught[i] >= Dominant * _mapped[i])
            {
                yield return Warning("catch-all-dominant", type, plan.Name, _caught[i],
                    $"{plan.Subject}: the map's \"*\" entry took {Share(_caught[i], _mapped[i])} of the values; check the map's keys against the export's spelling");
            }

            if (_filled[i] >= MinimumValues && _candidates[i].Count > 0)
            {
                var (value, count) = _candidates[i].MaxBy(c => c.Value);
                if (count >= Dominant * _filled[i])
                {
                    yield return Warning("placeholder-value", type, plan.Name, count,
                        $"{plan.Subject}: one value, {ValueText.Quote(value)}, fills {Share(count, _filled[i])} of the records: a placeholder? (add it to nullValues)");
                }
            }
        }

        if (_dealsWithoutAccount > 0)
        {
            yield return Warning("deal-without-account", type, "accountId", _dealsWithoutAccount,
                $"{_dealsWithoutAccount} DEAL record(s) have no accountId: Gong shows a deal under its account, so these stay invisible");
        }

        if (_dealsWithoutCloseDate > 0)
        {
            yield return Warning("deal-without-close-date", type, "closeDate", _dealsWithoutCloseDate,
                $"{_dealsWithoutCloseDate} DEAL record(s) have no closeDate: Gong's deal boards and forecasts leave them out");
        }

        foreach (var warning in _damage.Warnings())
        {
            yield return warning;
        }
    }

    /// <summary>Notes the records merged by the batcher and how many of them were a non-unique key.</summary>
    public void NoteMerged(long merged, long duplicates)
    {
        if (duplicates > 0)
        {
            _headerWarnings.Add(Warning(
                "duplicate-object-id",
                mapping.ObjectType.ToWireName(),
                "objectId",
                duplicates,
                $"{duplicates} {mapping.ObjectType.ToWireName()} record(s) repeat an objectId with the same modifiedDate and other content: the key is not unique; the later line was kept, the earlier counted as merged ({merged} merged in all)"));
        }
    }

    /// <summary>Notes the export's repeated header names (<c>duplicate-header</c>).</summary>
    public void NoteHeader(Sources.IRecordSource source) =>
        _headerWarnings.AddRange(source.RepeatedHeaderNames.Select(name => Warning(
            "duplicate-header",
            mapping.ObjectType.ToWireName(),
            name,
            1,
            $"{Path.GetFileName(source.Path)}: the header repeats '{name}'; '{name}' is its first column, '{name}#2' the second")));

    /// <summary>The run's start as <c>value: now</c> writes it.</summary>
    public static string NowText(DateTimeOffset start) =>
        start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) =>
        $"{part.ToString("N0", CultureInfo.InvariantCulture)} of {whole.ToString("N0", CultureInfo.InvariantCulture)} ({(100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture)}%)";

    private static RunWarning Warning(string code, string type, string field, long count, string message) =>
        new() { Code = code, ObjectType = type, Field = field, Count = count, Message = message };
}
