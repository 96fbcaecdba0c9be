using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GongCrmBridge.Cli.Api;

/// <summary>Dotted paths into JSON: <c>filter.callIds</c>, <c>callAccessList[0].userIds</c>.</summary>
internal static class JsonPath
{
    /// <summary>Sets the value at a path, creating the objects and array items on the way.</summary>
    public static void Set(JsonObject root, string path, JsonNode value)
    {
        JsonNode current = root;
        var steps = Steps(path);
        for (var i = 0; i < steps.Count; i++)
        {
            var (name, index) = steps[i];
            var last = i == steps.Count - 1;
            var parent = (JsonObject)current;
            if (index is null)
            {
                if (last)
                {
                    parent[name] = value;
                    return;
                }

                current = parent[name] as JsonObject ?? (JsonNode)(parent[name] = new JsonObject());
                continue;
            }

            var array = parent[name] as JsonArray ?? (JsonArray)(parent[name] = new JsonArray());
            while (array.Count <= index)
            {
                array.Add((JsonNode)new JsonObject());
            }

            if (last)
            {
                array[index.Value] = value;
                return;
            }

            current = array[index.Value] as JsonObject ?? (JsonNode)(array[index.Value] = new JsonObject());
        }
    }

    /// <summary>The node at a path, or null.</summary>
    public static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? current = root;
        foreach (var (name, index) in Steps(path))
        {
            current = current is JsonObject obj ? obj[name] : null;
            if (index is { } i)
            {
                current = current is JsonArray array && i < array.Count ? array[i] : null;
            }
        }

        return current;
    }

    /// <summary>The element at a dotted path of property names, or null when a step is missing.</summary>
    public static JsonElement? Get(JsonElement root, string path)
    {
        var current = root;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static List<(string Name, int? Index)> Steps(string path) =>
        [.. path.Split('.').Select(step =>
        {
            var open = step.IndexOf('[', StringComparison.Ordinal);
            return open < 0
                ? (step, (int?)null)
                : (step[..open], int.Parse(step[(open + 1)..^1], CultureInfo.InvariantCulture));
        })];
}
