namespace GongCrmBridge.Mapping;

/// <summary>Placeholder so the solution builds while the mapping stage is written; replaced by the real compiled plan.</summary>
public sealed partial class CompiledMapping;
