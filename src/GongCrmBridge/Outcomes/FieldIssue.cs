using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Outcomes;

/// <summary>A value left out of a record that was sent (<c>onInvalid: omit</c>): one row of <c>field-issues.csv</c>.</summary>
/// <param name="ObjectType">The record's type.</param>
/// <param name="SourcePath">The export.</param>
/// <param name="Line">The record's line.</param>
/// <param name="ObjectId">The record's objectId.</param>
/// <param name="Field">The field left out.</param>
/// <param name="Reason">Why.</param>
internal sealed record FieldIssue(CrmObjectType ObjectType, string SourcePath, long Line, string? ObjectId, string Field, string Reason);
