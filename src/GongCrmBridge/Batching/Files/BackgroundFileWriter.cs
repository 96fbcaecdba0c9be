using System.IO.Pipelines;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GongCrmBridge.Batching.Files;

/// <summary>
/// Writes a new file through a <see cref="Pipe"/>: the thread producing the bytes (a merge) fills 256 KiB blocks of the
/// pipe, and a background task writes each full block to the file while the producer goes on with the next.
/// </summary>
/// <remarks>
/// Writing a large new file is mostly the kernel's copy into fresh page-cache pages (on the benchmark machine about
/// as much time as the merge that produces the bytes); with the two overlapped, the merge of a 165 MB file takes about
/// the longer of the two instead of their sum. At most two blocks are in the pipe: the producer waits when it is a block
/// ahead of the disk. A failed write is thrown by the next block handed off, or by <see cref="Complete"/>. Disposing
/// without <see cref="Complete"/> drops the bytes not yet written (the caller deletes such a file).
/// </remarks>
internal sealed class BackgroundFileWriter : IDisposable
{
    private const int BlockSize = 256 * 1024;
    private readonly SafeFileHandle _file;
    private readonly Pipe _pipe = new(new PipeOptions(
        pauseWriterThreshold: 2 * BlockSize,
        resumeWriterThreshold: BlockSize,
        minimumSegmentSize: BlockSize,
        readerScheduler: PipeScheduler.ThreadPool,
        writerScheduler: PipeScheduler.Inline,
        useSynchronizationContext: false));

    private readonly Task _writing;
    private ArraySegment<byte> _block = ArraySegment<byte>.Empty;
    private int _used;
    private long _handedOff;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates <paramref name="path"/> (replacing a file there) for writing.</summary>
    /// <param name="path">The file.</param>
    /// <param name="share">What others may do with the file meanwhile (e.g. read back what was written).</param>
    public BackgroundFileWriter(string path, FileShare share = FileShare.None)
    {
        _file = NewFile.CreateHandle(path, share);
        _writing = Task.Run(() => WriteToFileAsync(_pipe.Reader, _file));
    }

    /// <summary>Gets the number of bytes written so far (to the file or not yet).</summary>
    public long Position => _handedOff + _used;

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_used == _block.Count)
            {
                HandOff();
            }

            var count = Math.Min(bytes.Length, _block.Count - _used);
            bytes[..count].CopyTo(_block.AsSpan(_used));
            _used += count;
            bytes = bytes[count..];
        }
    }

    /// <summary>Appends one byte.</summary>
    public void WriteByte(byte value)
    {
        if (_used == _block.Count)
        {
            HandOff();
        }

        _block[_used++] = value;
    }

    /// <summary>Writes every byte written so far to the file and waits for it; nothing may be written after.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed || _disposed, this);
        _completed = true;
        _pipe.Writer.Advance(_used);
        _handedOff += _used;
        _used = 0;
        _block = ArraySegment<byte>.Empty;
        _pipe.Writer.Complete();
        _writing.GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_completed)
            {
                // The reader stops without writing what is left, and the background task ends with this exception.
                _pipe.Writer.Complete(new OperationCanceledException("The file was closed before it was complete."));
            }

            _writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        }
        finally
        {
            _file.Dispose();
        }
    }

    /// <summary>Writes what the pipe holds to the file, block by block, until the producer completes the pipe.</summary>
    private static async Task WriteToFileAsync(PipeReader reader, SafeFileHandle file)
    {
        long offset = 0;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                foreach (var block in result.Buffer)
                {
                    await RandomAccess.WriteAsync(file, block, offset).ConfigureAwait(false);
                    offset += block.Length;
                }

                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // Seen by the producer: its next hand-off finds the pipe's reader completed, and Complete throws it.
            await reader.CompleteAsync(e).ConfigureAwait(false);
            throw;
        }

        await reader.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Hands the filled block to the background task, waiting while a block before it is still being written,
    /// and takes the next block of the pipe.</summary>
    private void HandOff()
    {
        ObjectDisposedException.ThrowIf(_completed || _disposed, this);
        var writer = _pipe.Writer;
        if (_used > 0)
        {
            writer.Advance(_used);
            _handedOff += _used;
            _used = 0;
            var flushing = writer.FlushAsync();
            var flushed = flushing.IsCompleted ? flushing.Result : flushing.AsTask().GetAwaiter().GetResult();
            if (flushed.IsCompleted)
            {
                // The background task has stopped: a write failed.
                _writing.GetAwaiter().GetResult();
                throw new IOException("The file's background writes stopped.");
            }
        }

        if (!MemoryMarshal.TryGetArray<byte>(writer.GetMemory(BlockSize), out var block))
        {
            throw new InvalidOperationException("The pipe's default memory pool hands out arrays.");
        }

        _block = block;
    }
}
