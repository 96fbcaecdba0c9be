using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Mapping;
using GongCrmBridge.Reporting;

namespace GongCrmBridge.Pipeline;

/// <summary>
/// The job-wide referential checks: contacts and deals whose accountId is not in the ACCOUNT export, deals
/// whose ownerId is not a BUSINESS_USER and deals whose stage is not a STAGE. They are warnings, not rejections:
/// the target may already be in Gong from an earlier run.
/// </summary>
/// <remarks>
/// Exports are processed in dependency order, so the targets are all known before the first record that points
/// at them. Ids are kept as 64-bit hashes to keep memory small for millions of accounts; a collision can only hide
/// a warning, never reject or lose a record. A check runs only when the job holds an export of the target type, and
/// the ids of a type are kept only when the job also holds an export that points at it (a job of accounts alone keeps
/// none: a million-entry set filled for nothing costs a tenth of the whole run). The hashes are kept in blocks while an
/// export is read and sorted into one array when first looked up: 8 bytes an id (40 MB for 5M accounts) where a
/// hash set would take about 20, and twice that while it grows.
/// </remarks>
internal sealed class ReferenceChecker
{
    private const int ExamplesPerWarning = 20;

    private readonly Dictionary<CrmObjectType, IdHashes> _known = [];
    private readonly Dictionary<(CrmObjectType Type, string Field), RunWarning> _warnings = [];

    /// <summary>Gets the warnings found so far, in the order they were first seen.</summary>
    public IReadOnlyList<RunWarning> Warnings => [.. _warnings.Values.Select(w =>
    {
        w.Message = $"{w.Count} {w.ObjectType} record(s): {w.Field} matches no {w.Target} of this job";
        return w;
    })];

    /// <summary>Declares that the job holds an export of <paramref name="type"/>, so references to it are checked.</summary>
    public void Expect(CrmObjectType type) => _known.TryAdd(type, new IdHashes());

    /// <summary>Remembers the targets in <paramref name="chunk"/> and checks its references.</summary>
    public void Observe(MappedChunk chunk)
    {
        if (IsPointedAt(chunk.ObjectType) && _known.TryGetValue(chunk.ObjectType, out var ids))
        {
            foreach (ref readonly var record in chunk.RecordSpan)
            {
                ids.Add(ObjectIdHash.Of(chunk.IdUtf8(record.ObjectId)));
            }
        }

        if (chunk.ObjectType is not (CrmObjectType.Contact or CrmObjectType.Deal))
        {
            return;
        }

        foreach (ref readonly var record in chunk.RecordSpan)
        {
            var references = record.References;
            Check(chunk, record, "accountId", references.AccountId, CrmObjectType.Account);
            if (chunk.ObjectType == CrmObjectType.Deal)
            {
                Check(chunk, record, "ownerId", references.OwnerId, CrmObjectType.BusinessUser);
                Check(chunk, record, "stage", references.Stage, CrmObjectType.Stage);
            }
        }
    }

    /// <summary>Whether an export of the job points at records of <paramref name="type"/>.</summary>
    private bool IsPointedAt(CrmObjectType type) => type switch
    {
        CrmObjectType.Account => _known.ContainsKey(CrmObjectType.Contact) || _known.ContainsKey(CrmObjectType.Deal),
        CrmObjectType.BusinessUser or CrmObjectType.Stage => _known.ContainsKey(CrmObjectType.Deal),
        _ => false,
    };

    private void Check(MappedChunk chunk, in MappedRecord record, string field, IdRange target, CrmObjectType targetType)
    {
        if (target.IsEmpty || !_known.TryGetValue(targetType, out var ids) || ids.Contains(ObjectIdHash.Of(chunk.IdUtf8(target))))
        {
            return;
        }

        var key = (chunk.ObjectType, field);
        if (!_warnings.TryGetValue(key, out var warning))
        {
            warning = new RunWarning
            {
                ObjectType = chunk.ObjectType.ToWireName(),
                Field = field,
                Target = targetType.ToWireName(),
            };
            _warnings[key] = warning;
        }

        warning.Count++;
        if (warning.Examples.Count < ExamplesPerWarning)
        {
            warning.Examples.Add(new ReferenceWarningExample(chunk.SourcePath, record.Line, chunk.ObjectIdOf(record), chunk.IdOf(target)!));
        }
    }

    /// <summary>A set of id hashes: appended in blocks, sorted once when first searched (targets are all known before the
    /// first lookup, since exports run in dependency order; a later add only costs another sort).</summary>
    private sealed class IdHashes
    {
        private const int BlockSize = 64 * 1024;
        private readonly List<ulong[]> _blocks = [];
        private int _lastBlockCount = BlockSize;
        private ulong[] _sorted = [];

        public void Add(ulong hash)
        {
            if (_lastBlockCount == BlockSize)
            {
                _blocks.Add(new ulong[BlockSize]);
                _lastBlockCount = 0;
            }

            _blocks[^1][_lastBlockCount++] = hash;
        }

        public bool Contains(ulong hash)
        {
            if (_blocks.Count > 0)
            {
                var added = ((_blocks.Count - 1) * BlockSize) + _lastBlockCount;
                var all = new ulong[_sorted.Length + added];
                _sorted.CopyTo(all, 0);
                var at = _sorted.Length;
                for (var i = 0; i < _blocks.Count; i++)
                {
                    var count = i == _blocks.Count - 1 ? _lastBlockCount : BlockSize;
                    _blocks[i].AsSpan(0, count).CopyTo(all.AsSpan(at));
                    at += count;
                }

                _blocks.Clear();
                _lastBlockCount = BlockSize;
                Array.Sort(all);
                _sorted = all;
            }

            return Array.BinarySearch(_sorted, hash) >= 0;
        }
    }
}
