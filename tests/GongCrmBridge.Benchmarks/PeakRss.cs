using System.Globalization;

namespace GongCrmBridge.Benchmarks;

/// <summary>The process's peak resident set size, the number a container's memory limit is checked against.</summary>
internal static class PeakRss
{
    public static double Megabytes()
    {
        // Linux keeps the high-water mark in /proc; elsewhere the runtime's peak working set is the same idea.
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kilobytes = long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        return Environment.WorkingSet / 1024.0 / 1024.0;
    }
}
