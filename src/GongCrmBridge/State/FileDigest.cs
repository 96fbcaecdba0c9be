using System.IO.Hashing;

namespace GongCrmBridge.State;

/// <summary>The digest of an LDJSON file's bytes: what names its upload (<see cref="UploadJournal.Plan"/>).</summary>
/// <remarks>XxHash128: the digest only has to tell our own files apart (nobody forges them), and it reads a 200 MB
/// file at memory speed where SHA-256 would take a second or more on a machine without SHA instructions.</remarks>
internal static class FileDigest
{
    /// <summary>Returns the 32 lower-case hex digits of the file's XxHash128.</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var hash = new XxHash128();
            await hash.AppendAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash.GetCurrentHash());
        }
    }

    /// <summary>Returns the 32 lower-case hex digits of <paramref name="content"/>'s XxHash128.</summary>
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(XxHash128.Hash(content));
}
