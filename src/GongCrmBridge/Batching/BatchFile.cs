using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Batching;

/// <summary>One LDJSON file ready to upload: one object type, an objectId at most once, sorted by modifiedDate.</summary>
/// <param name="ObjectType">The object type of every line.</param>
/// <param name="Path">The LDJSON file.</param>
/// <param name="Sequence">0-based position among this object type's files; files are uploaded in this order.</param>
/// <param name="RecordCount">Number of lines (records).</param>
/// <param name="Bytes">File size in bytes.</param>
/// <param name="HoldsLaterVersions">True when this file holds newer versions of objects in an earlier file of the
/// same type: it must wait until the earlier files are processed, so the newest version is applied last.</param>
/// <param name="LineMapPath">The side file mapping each line back to its source file, line and objectId.</param>
internal sealed record BatchFile(
    CrmObjectType ObjectType,
    string Path,
    int Sequence,
    int RecordCount,
    long Bytes,
    bool HoldsLaterVersions,
    string LineMapPath);
