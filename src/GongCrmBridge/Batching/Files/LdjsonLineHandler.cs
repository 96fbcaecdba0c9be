namespace GongCrmBridge.Batching.Files;

/// <summary>Receives one line of an LDJSON file (without its line break) and where it came from.</summary>
internal delegate void LdjsonLineHandler(ReadOnlySpan<byte> json, BatchLineOrigin origin);
