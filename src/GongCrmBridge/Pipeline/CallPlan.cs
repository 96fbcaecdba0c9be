namespace GongCrmBridge.Pipeline;

/// <summary>The calls a sync expects to make, compared with the day's budget before anything is sent.</summary>
/// <remarks>A deliberate over-estimate rather than a promise: Gong's processing time decides the polls. The polls per
/// upload assume the default cadence (3 s, ×1.6, up to 60 s) and a file Gong processes within about half a minute;
/// error re-upload rounds are not planned (they happen only when Gong rejects more than 20 records of a file).
/// A richer plan (per type, per kind of call) belongs to the report's "plan"; this is its budget figure.</remarks>
internal static class CallPlan
{
    /// <summary>Polls expected per upload.</summary>
    public const int PollsPerUpload = 4;

    /// <summary>Returns the calls expected: the integration lookup, a schema read and possibly write per type, one
    /// upload and its polls per file, and the polls of uploads earlier runs left unfinished.</summary>
    public static long Estimate(int objectTypes, int files, int unfinishedUploads) =>
        1 + (2L * objectTypes) + (files * (1L + PollsPerUpload)) + ((long)unfinishedUploads * PollsPerUpload);
}
