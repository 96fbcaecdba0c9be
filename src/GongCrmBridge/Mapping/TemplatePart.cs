namespace GongCrmBridge.Mapping;

/// <summary>One piece of a <c>template</c>: a literal or a column, with the placeholder's transforms.</summary>
/// <param name="Literal">The literal text, or null for a column.</param>
/// <param name="Column">The column's index in the chunk (when <paramref name="Literal"/> is null).</param>
/// <param name="Transforms">The placeholder's transforms (<c>{Name|trim|lower}</c>), or null.</param>
internal readonly record struct TemplatePart(string? Literal, int Column, TransformStep[]? Transforms = null);
