using System.Globalization;
using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Upload;

/// <summary>Names uploads so that Gong's request ids can be traced back to a run and a file.</summary>
/// <remarks>Gong allows only letters, digits, <c>-</c> and <c>_</c>, and refuses an id it has seen before (409).</remarks>
internal static class UploadRequestIds
{
    /// <summary>Returns e.g. <c>20261125T101500Z-3fa2-ACCOUNT-001</c>.</summary>
    public static string For(string runId, BatchFile file) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}-{file.ObjectType.ToWireName()}-{file.Sequence + 1:D3}");
}
