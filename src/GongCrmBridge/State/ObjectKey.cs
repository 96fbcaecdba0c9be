using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace GongCrmBridge.State;

/// <summary>The 64-bit key an objectId is known by in <see cref="TrackedObjectIndex"/>: XxHash3 of its UTF-8 bytes.</summary>
/// <remarks>Two ids sharing a key (about one chance in 10^7 at a million objects) cost a record sent again that was
/// unchanged, never a change missed or a wrong delete: <see cref="TrackedObjectIndex"/> explains why.</remarks>
internal static class ObjectKey
{
    /// <summary>Returns the key of an objectId given as UTF-8.</summary>
    public static ulong Of(ReadOnlySpan<byte> objectIdUtf8) => XxHash3.HashToUInt64(objectIdUtf8);

    /// <summary>Returns the key of an objectId.</summary>
    public static ulong Of(string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        var max = Encoding.UTF8.GetMaxByteCount(objectId.Length);
        byte[]? rented = null;
        var buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            return Of(buffer[..Encoding.UTF8.GetBytes(objectId, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
