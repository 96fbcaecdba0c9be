using GongCrmBridge.Gong.Models;

namespace GongCrmBridge.Outcomes;

/// <summary>The pipeline stage that rejected a record (the <c>stage</c> column of <c>rejections.csv</c>).</summary>
public enum RejectionStage
{
    /// <summary>The record could not be read or mapped (bad CSV/JSON, unparsable value, missing required cell).</summary>
    Mapping,

    /// <summary>The mapped record breaks one of Gong's rules for its object type.</summary>
    Validation,

    /// <summary>Gong itself rejected the record after upload.</summary>
    Gong,
}

/// <summary>One rejected record: where it came from and why it was rejected.</summary>
/// <param name="ObjectType">The record's object type.</param>
/// <param name="Source">The export the record was read from.</param>
/// <param name="Line">1-based physical line where the record starts in <paramref name="Source"/>.</param>
/// <param name="ObjectId">The record's objectId when it is known.</param>
/// <param name="Stage">Which stage rejected it.</param>
/// <param name="Reason">Why, naming the field or column; never the cell's value (it may be personal data).</param>
internal sealed record Rejection(
    CrmObjectType ObjectType,
    string Source,
    long Line,
    string? ObjectId,
    RejectionStage Stage,
    string Reason);
