using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Pipeline;

/// <summary>Remembers the latest pipeline counts per object type while passing them on, so that a run stopped
/// before its batches were built still reports what it read.</summary>
internal sealed class ProgressTally(IProgress<PipelineProgress>? inner) : IProgress<PipelineProgress>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CrmObjectType, PipelineProgress> _latest = [];

    /// <summary>Gets the latest counts per object type.</summary>
    public IReadOnlyCollection<PipelineProgress> Latest
    {
        get
        {
            lock (_gate)
            {
                return [.. _latest.Values];
            }
        }
    }

    public void Report(PipelineProgress value)
    {
        lock (_gate)
        {
            _latest[value.ObjectType] = value;
        }

        inner?.Report(value);
    }
}
