namespace GongCrmBridge.Sources;

/// <summary>The requested JSON columns as a tree of property names: <c>a.b</c> is child <c>b</c> of node <c>a</c>.</summary>
internal sealed class JsonPathTree
{
    public JsonPathTree(IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var node = Root;
            foreach (var segment in columns[i].Split('.'))
            {
                node = node.GetOrAdd(segment);
            }

            if (node.Column < 0)
            {
                node.Column = i;
            }
        }
    }

    public Node Root { get; } = new();

    /// <summary>One property name on a path; <see cref="Column"/> is the requested column it ends, or -1.</summary>
    internal sealed class Node
    {
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public int Column { get; set; } = -1;

        public Dictionary<string, Node>? Children { get; private set; }

        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> Lookup => _lookup;

        public Node GetOrAdd(string name)
        {
            if (Children is null)
            {
                Children = new Dictionary<string, Node>(StringComparer.Ordinal);
                _lookup = Children.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            if (!Children.TryGetValue(name, out var child))
            {
                child = new Node();
                Children.Add(name, child);
            }

            return child;
        }
    }
}
