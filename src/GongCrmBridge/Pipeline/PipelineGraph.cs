using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Dataflow;
using GongCrmBridge.Mapping;
using GongCrmBridge.Sources;

namespace GongCrmBridge.Pipeline;

/// <summary>
/// The TPL Dataflow graph, wired in this one place: read → map → consume, bounded at every stage.
/// </summary>
/// <remarks>
/// <para>Records travel in <see cref="SourceChunk"/>s of a few thousand, so Dataflow's per-message cost is
/// paid rarely. The reader is the graph's head: it <c>SendAsync</c>s chunks, which waits while the map block
/// is full, so a slow consumer throttles the reader and memory stays flat whatever the export's size.</para>
/// <para>Mapping runs on every core; <c>EnsureOrdered</c> hands the chunks to the consumer in source order,
/// which keeps versions of the same object in file order and makes runs reproducible.</para>
/// <para>The consumer is single-threaded (the batcher and the tallies are not shared).</para>
/// <para>A chunk whose mapping throws travels on as a failure, in its place: the consumer throws it when its turn
/// comes, so no chunk after it is ever consumed. (Had the map block itself faulted, Dataflow's reordering would have
/// released the chunks mapped after it to the consumer before the fault arrived.)</para>
/// <para>Chunk buffers are pooled: a source chunk's buffers go back to the pool once it is mapped, a mapped chunk's
/// once the consumer has returned, so a consumer must copy what it keeps (the batcher does). Without this every
/// chunk would allocate a few large-object-heap arrays, and every few chunks would cost a full (gen 2) collection.</para>
/// </remarks>
internal static class PipelineGraph
{
    /// <summary>Streams every record of <paramref name="source"/> through <paramref name="mapping"/> into
    /// <paramref name="consume"/>, and completes when the last chunk has been consumed.</summary>
    public static async Task RunAsync(
        IRecordSource source,
        CompiledMapping mapping,
        Func<MappedChunk, CancellationToken, ValueTask> consume,
        int parallelism,
        CancellationToken cancellationToken,
        string? now = null)
    {
        var map = new TransformBlock<SourceChunk, Mapped>(
            chunk =>
            {
                try
                {
                    return new Mapped(mapping.Map(chunk, now), null);
                }
#pragma warning disable CA1031 // not swallowed: carried to the sink, which rethrows it in the chunk's turn
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    return new Mapped(null, ExceptionDispatchInfo.Capture(exception));
                }
                finally
                {
                    chunk.ReturnBuffers();
                }
            },
            new ExecutionDataflowBlockOptions
            {
                MaxDegreeOfParallelism = parallelism,
                BoundedCapacity = parallelism * 2,
                EnsureOrdered = true,
                SingleProducerConstrained = true,
                CancellationToken = cancellationToken,
            });
        var sink = new ActionBlock<Mapped>(
            async mapped =>
            {
                mapped.Failure?.Throw();
                var chunk = mapped.Chunk!;
                try
                {
                    await consume(chunk, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    chunk.ReturnBuffers();
                }
            },
            new ExecutionDataflowBlockOptions
            {
                MaxDegreeOfParallelism = 1,
                BoundedCapacity = 2,
                SingleProducerConstrained = true,
                CancellationToken = cancellationToken,
            });
        map.LinkTo(sink, new DataflowLinkOptions { PropagateCompletion = true });

        // A failing consumer must stop the reader too, else SendAsync would wait forever on a full map block.
        _ = sink.Completion.ContinueWith(
            completed => ((IDataflowBlock)map).Fault(completed.Exception!.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            await foreach (var chunk in source.ReadChunksAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await map.SendAsync(chunk, cancellationToken).ConfigureAwait(false))
                {
                    break; // the graph faulted; its exception surfaces below
                }
            }

            map.Complete();
        }
        catch (Exception exception)
        {
            ((IDataflowBlock)map).Fault(exception);
            await Task.WhenAny(sink.Completion).ConfigureAwait(false);
            throw;
        }

        try
        {
            await sink.Completion.ConfigureAwait(false);
        }
        catch (AggregateException wrapped) when (wrapped.Flatten().InnerExceptions.Count == 1)
        {
            // PropagateCompletion hands a failure of the map block to the sink wrapped in an AggregateException: surface the cause.
            ExceptionDispatchInfo.Throw(wrapped.Flatten().InnerExceptions[0]);
        }
    }

    /// <summary>A mapped chunk, or why mapping it failed.</summary>
    private readonly record struct Mapped(MappedChunk? Chunk, ExceptionDispatchInfo? Failure);
}
