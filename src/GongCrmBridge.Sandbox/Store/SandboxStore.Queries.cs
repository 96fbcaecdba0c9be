using System.Text.Json;

namespace GongCrmBridge.Sandbox.Store;

/// <summary>Reading the uploaded CRM data (<c>GET /v2/crm/entities</c>, tests, the rest of the emulated Gong), and the
/// erase of data-privacy requests.</summary>
internal sealed partial class SandboxStore
{
    public Dictionary<string, JsonElement?> GetObjects(string objectType, IEnumerable<string> ids)
    {
        lock (_gate)
        {
            AdvanceByTime();
            var result = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
            _objects.TryGetValue(objectType, out var objects);
            foreach (var id in ids)
            {
                result[id] = objects is not null && objects.TryGetValue(id, out var record) ? record : null;
            }

            return result;
        }
    }

    public IReadOnlyDictionary<string, JsonElement> Objects(string objectType)
    {
        lock (_gate)
        {
            AdvanceByTime();
            return _objects.TryGetValue(objectType, out var objects)
                ? new Dictionary<string, JsonElement>(objects, StringComparer.Ordinal)
                : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        }
    }

    /// <summary>Returns a copy of every stored object, by type and objectId (processing that is due done first).</summary>
    public CrmSnapshot Snapshot()
    {
        lock (_gate)
        {
            AdvanceByTime();
            var copy = new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>(StringComparer.Ordinal);
            foreach (var (type, objects) in _objects)
            {
                copy[type] = new Dictionary<string, JsonElement>(objects, StringComparer.Ordinal);
            }

            return new CrmSnapshot(copy);
        }
    }

    /// <summary>Deletes the stored objects of a type that match (a data-privacy erase).</summary>
    /// <returns>How many were deleted.</returns>
    public int DeleteObjects(string objectType, Func<JsonElement, bool> matches)
    {
        lock (_gate)
        {
            AdvanceByTime();
            if (!_objects.TryGetValue(objectType, out var objects))
            {
                return 0;
            }

            var doomed = objects.Where(pair => matches(pair.Value)).Select(pair => pair.Key).ToList();
            doomed.ForEach(id => objects.Remove(id));
            return doomed.Count;
        }
    }
}

/// <summary>A copy of the uploaded CRM objects at one moment.</summary>
/// <param name="ByType">Objects by wire type name (<c>ACCOUNT</c>, …) and objectId.</param>
internal sealed record CrmSnapshot(IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>> ByType)
{
    public IReadOnlyDictionary<string, JsonElement> Of(string objectType) =>
        ByType.TryGetValue(objectType, out var objects) ? objects : new Dictionary<string, JsonElement>();

    /// <summary>The text of a string property of a record, or null.</summary>
    public static string? Text(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
