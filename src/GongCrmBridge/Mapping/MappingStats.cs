namespace GongCrmBridge.Mapping;

/// <summary>What one chunk's mapping observed for the run's warnings (SPEC.md, "Run report"): per field, the invalid
/// values and a few of them, the values a <c>map</c>'s <c>"*"</c> caught, the most common value of reference fields;
/// and the records skipped by <c>where</c>. Summed over the chunks by <c>Pipeline.MappingObservations</c>.</summary>
/// <remarks>Filled by one thread (the chunk's mapper); arrays are indexed by the field's position in the mapping.</remarks>
internal sealed class MappingStats
{
    /// <summary>How many failing values are kept per field and chunk, to suggest a date format.</summary>
    public const int SamplesPerField = 4;

    /// <summary>An empty instance, for a record state outside a chunk.</summary>
    public static readonly MappingStats None = new(0);

    public MappingStats(int fields)
    {
        Invalid = new int[fields];
        FirstReason = new string?[fields];
        Samples = new List<string>?[fields];
        Caught = new int[fields];
        Mapped = new int[fields];
        Candidate = new string?[fields];
        CandidateCount = new int[fields];
        Filled = new int[fields];
    }

    /// <summary>Gets the invalid values per field (omitted or rejecting).</summary>
    public int[] Invalid { get; }

    /// <summary>Gets the first reason per field.</summary>
    public string?[] FirstReason { get; }

    /// <summary>Gets a few failing values per field (dates only).</summary>
    public List<string>?[] Samples { get; }

    /// <summary>Gets the non-empty values a catch-all map caught, per field.</summary>
    public int[] Caught { get; }

    /// <summary>Gets the non-empty values a map with a catch-all saw, per field.</summary>
    public int[] Mapped { get; }

    /// <summary>Gets the chunk's first value of each reference field (the placeholder candidate).</summary>
    public string?[] Candidate { get; }

    /// <summary>Gets how many values equalled <see cref="Candidate"/>.</summary>
    public int[] CandidateCount { get; }

    /// <summary>Gets the non-empty values written, per reference field.</summary>
    public int[] Filled { get; }

    /// <summary>Gets or sets the rows <c>where</c> skipped.</summary>
    public int Skipped { get; set; }

    /// <summary>Gets or sets the valid DEAL records without an accountId.</summary>
    public int DealsWithoutAccount { get; set; }

    /// <summary>Gets or sets the valid DEAL records without a closeDate.</summary>
    public int DealsWithoutCloseDate { get; set; }

    /// <summary>Gets or sets the records mapped (neither skipped nor unreadable).</summary>
    public int Evaluated { get; set; }

    public void AddInvalid(int field, string reason, ReadOnlySpan<char> value, bool keepSample)
    {
        Invalid[field]++;
        FirstReason[field] ??= reason;
        if (keepSample)
        {
            var samples = Samples[field] ??= [];
            if (samples.Count < SamplesPerField)
            {
                samples.Add(value.Trim().ToString());
            }
        }
    }

    public void ObserveMapped(int field, bool caught)
    {
        Mapped[field]++;
        if (caught)
        {
            Caught[field]++;
        }
    }

    public void ObserveReference(int field, ReadOnlySpan<char> value)
    {
        Filled[field]++;
        if (Candidate[field] is not { } candidate)
        {
            Candidate[field] = value.ToString();
            CandidateCount[field] = 1;
        }
        else if (value.SequenceEqual(candidate))
        {
            CandidateCount[field]++;
        }
    }
}
