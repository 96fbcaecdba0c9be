using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace GongCrmBridge.Sandbox.Store;

/// <summary>The emulator's data: the integration, schemas, objects and asynchronous requests.
/// One lock guards everything; asynchronous requests complete in the order they were accepted.</summary>
internal sealed partial class SandboxStore
{
    /// <summary>Gong returns at most this many errors per request status.</summary>
    public const int MaxReportedErrors = 20;

    private readonly Lock _gate = new();
    private readonly SandboxOptions _options;
    private readonly SandboxFaults _faults;
    private readonly Dictionary<string, List<SchemaField>> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, JsonElement>> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AsyncRequest> _requests = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reserved = new(StringComparer.Ordinal);
    private readonly List<AsyncRequest> _queue = [];
    private SandboxIntegration? _integration;
    private int _firstIncomplete;

    public SandboxStore(SandboxOptions options, SandboxFaults faults)
    {
        _options = options;
        _faults = faults;
    }

    public SandboxIntegration? Integration
    {
        get
        {
            lock (_gate)
            {
                AdvanceByTime();
                return _integration;
            }
        }
    }

    public long? Register(string name, string ownerEmail)
    {
        lock (_gate)
        {
            AdvanceByTime();
            if (_integration is not null)
            {
                return null;
            }

            // Always above 2^53: a client that parses the id as a double corrupts it visibly.
            var id = (BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & 0x3FFF_FFFF_FFFF_FFFF) | 0x4000_0000_0000_0000;
            _integration = new SandboxIntegration(id, name, ownerEmail, IsBeingDeleted: false);
            return id;
        }
    }

    public bool IsActive(long integrationId)
    {
        lock (_gate)
        {
            AdvanceByTime();
            return _integration?.IntegrationId == integrationId;
        }
    }

    public bool TryReserve(string clientRequestId)
    {
        lock (_gate)
        {
            return !_requests.ContainsKey(clientRequestId) && _reserved.Add(clientRequestId);
        }
    }

    public void Release(string clientRequestId)
    {
        lock (_gate)
        {
            _reserved.Remove(clientRequestId);
        }
    }

    public bool AcceptDelete(long integrationId, string clientRequestId)
    {
        lock (_gate)
        {
            _reserved.Remove(clientRequestId);
            if (_integration?.IntegrationId != integrationId)
            {
                return false;
            }

            _integration = _integration with { IsBeingDeleted = true };
            Enqueue(new AsyncRequest
            {
                ClientRequestId = clientRequestId,
                IntegrationId = integrationId,
                AcceptedAt = _options.TimeProvider.GetUtcNow(),
            });
            return true;
        }
    }

    public void AcceptUpload(long integrationId, string objectType, string clientRequestId, List<UploadLine> lines, string? fileError)
    {
        lock (_gate)
        {
            _reserved.Remove(clientRequestId);
            Enqueue(new AsyncRequest
            {
                ClientRequestId = clientRequestId,
                IntegrationId = integrationId,
                ObjectType = objectType,
                AcceptedAt = _options.TimeProvider.GetUtcNow(),
                RecordCount = lines.Count,
                Lines = lines,
                FileError = fileError,
            });
        }
    }

    public Dictionary<string, SchemaField> ActiveSchema(string objectType)
    {
        lock (_gate)
        {
            return _schemas.TryGetValue(objectType, out var fields)
                ? fields.ToDictionary(f => f.UniqueName, StringComparer.Ordinal)
                : new Dictionary<string, SchemaField>(StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<SchemaField> Schema(string objectType)
    {
        lock (_gate)
        {
            AdvanceByTime();
            return _schemas.TryGetValue(objectType, out var fields) ? [.. fields] : [];
        }
    }

    /// <summary>Replaces the schema of an object type; returns the error of a 400, or null.</summary>
    public string? ReplaceSchema(string objectType, List<SchemaFieldRequest> request)
    {
        lock (_gate)
        {
            AdvanceByTime();
            var current = _schemas.TryGetValue(objectType, out var fields) ? fields : [];
            var sent = request.Select(r => r.Field.UniqueName).ToHashSet(StringComparer.Ordinal);
            var missing = current.Where(f => !sent.Contains(f.UniqueName)).Select(f => f.UniqueName).ToList();
            if (missing.Count > 0)
            {
                return $"The request must include all previously declared fields of {objectType} (send isDeleted=true to remove one); missing: {string.Join(", ", missing)}";
            }

            var next = new List<SchemaField>();
            foreach (var item in request)
            {
                var previous = current.Find(f => f.UniqueName == item.Field.UniqueName);
                if (item.IsDeleted || (previous is not null && previous.Type != item.Field.Type))
                {
                    DropFieldValues(objectType, item.Field.UniqueName); // a deleted field or a type change loses its data
                }

                if (!item.IsDeleted)
                {
                    next.Add(item.Field);
                }
            }

            _schemas[objectType] = next;
            return null;
        }
    }

    public IReadOnlyList<SandboxUpload> Uploads()
    {
        lock (_gate)
        {
            AdvanceByTime();
            return [.. _queue.Where(r => r.IsUpload).Select(r => r.ToUpload())];
        }
    }

    public int UploadCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count(r => r.IsUpload);
            }
        }
    }

    /// <summary>Answers a status poll; <paramref name="error"/> is set (400) for an unknown request.</summary>
    public StatusSnapshot? Poll(long integrationId, string clientRequestId, out string? error)
    {
        lock (_gate)
        {
            AdvanceByTime();
            if (!_requests.TryGetValue(clientRequestId, out var request))
            {
                error = $"clientRequestId {clientRequestId} was not found";
                return null;
            }

            if (request.IntegrationId != integrationId)
            {
                error = "integrationId is not valid";
                return null;
            }

            if (!request.IsComplete)
            {
                if (IsReady(request))
                {
                    CompleteThrough(request);
                }
                else
                {
                    request.PollCount++;
                    var delay = _options.ProcessingDelay;
                    var early = delay == TimeSpan.Zero || _options.TimeProvider.GetUtcNow() - request.AcceptedAt < delay / 2;
                    request.Status = request.PollCount == 1 && early ? SandboxRequestStatus.Pending : SandboxRequestStatus.InProgress;
                }
            }

            error = null;
            return new StatusSnapshot(
                request.Status,
                request.IsUpload,
                request.IsComplete ? [.. request.Errors.Take(MaxReportedErrors)] : [],
                request.ErrorCount,
                request.SuccessCount);
        }
    }

    private static JsonElement WithoutProperty(JsonElement record, string name)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in record.EnumerateObject())
            {
                if (property.Name != name)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private void Enqueue(AsyncRequest request)
    {
        _requests[request.ClientRequestId] = request;
        _queue.Add(request);
    }

    private bool IsReady(AsyncRequest request) =>
        request.PollCount >= _options.PollsUntilDone
        && _options.TimeProvider.GetUtcNow() - request.AcceptedAt >= _options.ProcessingDelay;

    /// <summary>Completes every request whose processing is due, keeping the order of acceptance.</summary>
    private void AdvanceByTime()
    {
        for (var i = _queue.Count - 1; i >= _firstIncomplete; i--)
        {
            if (!_queue[i].IsComplete && IsReady(_queue[i]))
            {
                CompleteThrough(_queue[i]);
                return;
            }
        }
    }

    private void CompleteThrough(AsyncRequest target)
    {
        while (_firstIncomplete < _queue.Count)
        {
            var request = _queue[_firstIncomplete++];
            if (!request.IsComplete)
            {
                Complete(request);
            }

            if (ReferenceEquals(request, target))
            {
                return;
            }
        }
    }

    private void Complete(AsyncRequest request)
    {
        request.IsComplete = true;
        if (!request.IsUpload)
        {
            if (_integration?.IntegrationId == request.IntegrationId)
            {
                _integration = null;
                _schemas.Clear();
                _objects.Clear();
            }

            request.Status = SandboxRequestStatus.Done;
            return;
        }

        var lines = request.Lines ?? [];
        request.Lines = null;
        var fileError = request.FileError
            ?? (_integration?.IntegrationId == request.IntegrationId ? null : "The integration of this request no longer exists");
        if (fileError is not null)
        {
            request.Errors.Add(new SandboxRecordError(0, fileError));
            request.ErrorCount = Math.Max(1, lines.Count);
            request.Status = SandboxRequestStatus.Failed;
            return;
        }

        var type = request.ObjectType!;
        if (!_objects.TryGetValue(type, out var objects))
        {
            objects = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            _objects[type] = objects;
        }

        foreach (var line in lines)
        {
            var error = line.Error ?? _faults.Reject(type, line.Record);
            if (error is not null)
            {
                request.Errors.Add(new SandboxRecordError(line.Line, error));
                request.ErrorCount++;
                continue;
            }

            if (_faults.Loses(type, line.Record))
            {
                continue;
            }

            if (line.IsDeleted)
            {
                objects.Remove(line.ObjectId!);
            }
            else
            {
                objects[line.ObjectId!] = line.Record;
            }

            request.SuccessCount++;
        }

        request.Status = request.ErrorCount == 0 ? SandboxRequestStatus.Done : SandboxRequestStatus.Failed;
    }

    private void DropFieldValues(string objectType, string field)
    {
        if (!_objects.TryGetValue(objectType, out var objects))
        {
            return;
        }

        foreach (var (id, record) in objects.ToList())
        {
            if (record.TryGetProperty(field, out _))
            {
                objects[id] = WithoutProperty(record, field);
            }
        }
    }
}
