using System.Globalization;
using System.Net.Http.Headers;

namespace GongCrmBridge.Gong.Resilience;

/// <summary>Reads Gong's <c>Retry-After</c> header: seconds (documented), or an HTTP date (allowed by RFC 9110).</summary>
internal static class RetryAfter
{
    internal const string HeaderName = "Retry-After";

    /// <summary>Returns the wait the response asks for, or <see langword="null"/> when it has no usable header.</summary>
    internal static TimeSpan? Read(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } parsed)
        {
            return FromHeader(parsed, now);
        }

        // The typed parser rejects values such as "2.5" or " 3 "; try the raw text before giving up.
        return response.Headers.TryGetValues(HeaderName, out var values) ? Parse(values.FirstOrDefault(), now) : null;
    }

    /// <summary>Parses a raw header value.</summary>
    internal static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, TimeSpan.FromDays(2).TotalSeconds));
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ||
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static TimeSpan? FromHeader(RetryConditionHeaderValue header, DateTimeOffset now)
    {
        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
