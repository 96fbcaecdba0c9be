using System.Runtime.CompilerServices;
using GongCrmBridge.Mapping;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Sources;
using static GongCrmBridge.Tests.Mapping.MappingTestKit;

namespace GongCrmBridge.Tests.Pipeline;

public sealed class PipelineGraphTests
{
    private static readonly CompiledMapping Accounts = Compile(AccountHeader + "\nfields:\n  name: Name\n");

    /// <summary>An export of <c>chunks</c> chunks; chunk i holds <c>size(i)</c> accounts whose ids start
    /// with <c>C{i}-</c>. Counts what was read.</summary>
    private sealed class FakeSource(CompiledMapping mapping, Func<int, int> size, int chunks, Func<int, SourceChunk?>? special = null)
        : IRecordSource
    {
        private int _yielded;

        public string Path => "accounts.csv";

        public IReadOnlyList<string> MissingColumns => [];

        public int Yielded => Volatile.Read(ref _yielded);

        public bool Finished { get; private set; }

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<SourceChunk> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var line = 2L;
            for (var i = 0; i < chunks; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                var chunk = special?.Invoke(i) ?? Build(i, size(i), ref line);
                Interlocked.Increment(ref _yielded);
                yield return chunk;
            }

            Finished = true;
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }

        private SourceChunk Build(int index, int rows, ref long line)
        {
            var chunk = new SourceChunk(Path, mapping.Columns.Count, Math.Max(1, rows));
            for (var r = 0; r < rows; r++)
            {
                chunk.BeginRecord(line++);
                chunk.AddCell(0, $"C{index}-{r}");
                chunk.AddCell(1, "2024-03-01T12:00:00Z");
                chunk.AddCell(2, "Name");
            }

            return chunk;
        }
    }

    [Fact]
    public async Task RunAsync_ParallelMappingOfUnevenChunks_ConsumerSeesSourceOrder()
    {
        // Given chunks whose first ones are much larger (slower to map) than the later ones
        await using var source = new FakeSource(Accounts, i => i % 8 == 0 ? 5000 : 1, chunks: 40);
        var seen = new List<string>();
        var lines = new List<long>();

        // When they flow through four parallel mappers
        await PipelineGraph.RunAsync(
            source,
            Accounts,
            (chunk, _) =>
            {
                seen.Add(chunk.ObjectIdOf(chunk.Records[0]));
                lines.AddRange(chunk.Records.Select(r => r.Line));
                return ValueTask.CompletedTask;
            },
            parallelism: 4,
            CancellationToken.None);

        // Then the consumer got every chunk once, in source order, every record too
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"C{i}-0"), seen);
        Assert.Equal(Enumerable.Range(2, lines.Count).Select(l => (long)l), lines);
        Assert.Equal(5 * 5000 + 35, lines.Count);
        Assert.True(source.Finished);
    }

    [Fact]
    public async Task RunAsync_ConsumerThrows_FaultsWithItsExceptionAndStopsReading()
    {
        // Given a long export and a consumer that fails on the third chunk
        await using var source = new FakeSource(Accounts, _ => 10, chunks: 10_000);
        var consumed = 0;

        // When the graph runs
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => PipelineGraph.RunAsync(
            source,
            Accounts,
            (_, _) => ++consumed == 3 ? throw new InvalidOperationException("disk full") : ValueTask.CompletedTask,
            parallelism: 2,
            CancellationToken.None));

        // Then the run fails with the consumer's exception, and the reader stopped soon after (bounded buffers)
        Assert.Equal("disk full", thrown.Message);
        Assert.Equal(3, consumed);
        Assert.False(source.Finished);
        Assert.InRange(source.Yielded, 3, 20);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsOperationCanceledAndStopsReading()
    {
        // Given a long export and a user who stops after two chunks
        await using var source = new FakeSource(Accounts, _ => 10, chunks: 10_000);
        using var stop = new CancellationTokenSource();
        var consumed = 0;

        // When the graph runs
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PipelineGraph.RunAsync(
            source,
            Accounts,
            async (_, _) =>
            {
                if (++consumed == 2)
                {
                    await stop.CancelAsync();
                }
            },
            parallelism: 2,
            stop.Token));

        // Then reading stopped long before the end
        Assert.False(source.Finished);
        Assert.InRange(source.Yielded, 2, 20);
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeStart_ReadsNothingConsumesNothing()
    {
        await using var source = new FakeSource(Accounts, _ => 10, chunks: 100);
        var consumed = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PipelineGraph.RunAsync(
            source,
            Accounts,
            (_, _) =>
            {
                consumed++;
                return ValueTask.CompletedTask;
            },
            parallelism: 2,
            new CancellationToken(canceled: true)));

        Assert.Equal(0, consumed);
        Assert.Equal(0, source.Yielded);
    }

    [Fact]
    public async Task RunAsync_MappingThrows_SurfacesTheMappingException()
    {
        // Given an export whose fifth chunk has the wrong number of columns (the mapping throws on it)
        await using var source = new FakeSource(
            Accounts,
            _ => 10,
            chunks: 10_000,
            special: i => i == 4 ? new SourceChunk("accounts.csv", columnCount: 1) : null);
        var consumed = 0;

        // When the graph runs
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => PipelineGraph.RunAsync(
            source,
            Accounts,
            (_, _) =>
            {
                consumed++;
                return ValueTask.CompletedTask;
            },
            parallelism: 2,
            CancellationToken.None));

        // Then the mapping's exception is what the run fails with, the chunk after it is never consumed,
        // and reading stops
        Assert.Contains("the mapping reads 3", thrown.Message, StringComparison.Ordinal);
        Assert.InRange(consumed, 0, 4);
        Assert.False(source.Finished);
    }
}
