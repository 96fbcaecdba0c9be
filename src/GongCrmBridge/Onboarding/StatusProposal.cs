using static GongCrmBridge.Onboarding.YamlScalars;

namespace GongCrmBridge.Onboarding;

/// <summary>Proposes a DEAL's <c>status</c> from the export's own won/lost truth: a closed/won flag pair
/// (<c>IsClosed</c> + <c>IsWon</c>), else a status or stage column whose values name an outcome, every value seen
/// listed (a value the sample did not show is rejected, not silently made OPEN).</summary>
internal static class StatusProposal
{
    private const int MaxListed = 40;

    public static string For(ColumnPicker picker)
    {
        if (picker.Named("isclosed") is { } closed && picker.Named("iswon") is { } won)
        {
            picker.Use(closed);
            picker.Use(won);
            return FromFlags(closed, won);
        }

        foreach (var candidates in (string[][])[["status", "dealstatus"], ["stage", "stagename", "dealstage", "stageid", "pipelinephase"]])
        {
            if (picker.Find(candidates) is { } column && StatusWords.NamesAnOutcome(column.Distinct))
            {
                if (candidates[0] == "status")
                {
                    picker.Use(column);
                }

                return FromValues(column);
            }
        }

        // A column of any name whose few values name both outcomes ("Ergebnis": Offen, Gewonnen, Verloren).
        var named = picker.Unused.FirstOrDefault(c => c.Distinct.Count <= MaxListed &&
            c.Distinct.Any(v => StatusWords.Outcome(v) == "WON") && c.Distinct.Any(v => StatusWords.Outcome(v) == "LOST"));
        if (named is not null)
        {
            picker.Use(named);
            return FromValues(named);
        }

        return "# status: { column: ColumnName, map: { \"Closed Won\": WON, \"Closed Lost\": LOST, \"*\": OPEN } }   # no won/lost column found";
    }

    private static string FromFlags(ColumnSample closed, ColumnSample won)
    {
        var trueWords = closed.Distinct.Concat(won.Distinct).Where(ValueTraits.IsTrueWord).Distinct(StringComparer.Ordinal).DefaultIfEmpty("true").ToList();
        var falseWords = won.Distinct.Where(v => !ValueTraits.IsTrueWord(v)).Distinct(StringComparer.Ordinal).DefaultIfEmpty("false").ToList();
        var entries = new List<string>();
        foreach (var t in trueWords)
        {
            entries.Add($"{Scalar(t + "/" + t)}: WON");
            entries.AddRange(falseWords.Select(f => $"{Scalar(t + "/" + f)}: LOST"));
        }

        entries.Add("\"*\": OPEN");
        return $"status: {{ template: \"{{{closed.Name}}}/{{{won.Name}}}\", map: {{ {string.Join(", ", entries)} }} }}   # closed and won, closed and not won, open";
    }

    private static string FromValues(ColumnSample column)
    {
        var values = column.Distinct.Order(StringComparer.Ordinal).ToList();
        var listed = values.Count <= MaxListed ? values : [.. values.Where(v => StatusWords.Outcome(v) != "OPEN")];
        var entries = listed.Select(v => $"{Scalar(v)}: {StatusWords.Outcome(v)}").ToList();
        if (listed.Count < values.Count)
        {
            entries.Add("\"*\": OPEN");
        }

        return $"status: {{ column: {Scalar(column.Name)}, map: {{ {string.Join(", ", entries)} }} }}   # from the values seen: check WON and LOST";
    }
}
