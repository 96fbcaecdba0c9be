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
        CancellationToken cancellationToken)
    {
        var map = new TransformBlock<SourceChunk, MappedChunk>(
            chunk =>
            {
                try
                {
                    return mapping.Map(chunk);
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
        var sink = new ActionBlock<MappedChunk>(
            async chunk =>
            {
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
            // PropagateCompletion hands a mapping failure to the sink wrapped in an AggregateException: surface the cause.
            ExceptionDispatchInfo.Throw(wrapped.Flatten().InnerExceptions[0]);
        }
    }
}
