using GongCrmBridge.Outcomes;

namespace GongCrmBridge.Mapping;

/// <summary>Why a record was rejected.</summary>
/// <param name="Stage">Mapping (cannot read / required empty) or validation (breaks a Gong rule).</param>
/// <param name="Reason">The reason, naming the field and column, never the value.</param>
internal readonly record struct Failure(RejectionStage Stage, string Reason);
