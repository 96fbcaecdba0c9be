namespace GongCrmBridge.Mapping;

/// <summary>One entry of a <c>transform</c> list (or of a template placeholder after <c>|</c>): the transform and its
/// argument, if it takes one.</summary>
/// <param name="Kind">The transform.</param>
/// <param name="Text">The text of <c>before</c> / <c>after</c>, or what <c>replace</c> replaces.</param>
/// <param name="Replacement">What <c>replace</c> puts in its place.</param>
/// <param name="Length">The length of <c>truncate</c>.</param>
/// <param name="Separators">The separators of <c>first</c> / <c>last</c>.</param>
internal readonly record struct TransformStep(
    Transform Kind,
    string? Text = null,
    string? Replacement = null,
    int Length = 0,
    string[]? Separators = null)
{
    /// <summary>The separators of <c>first</c> and <c>last</c> when the field has no <c>split</c>.</summary>
    public static readonly string[] DefaultSeparators = [",", ";"];

    /// <summary>Gets whether the step picks one piece of a list (<c>first</c>, <c>last</c>).</summary>
    public bool PicksPiece => Kind is Transform.First or Transform.Last;
}
