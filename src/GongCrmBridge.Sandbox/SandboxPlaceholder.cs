namespace GongCrmBridge.Sandbox;

internal static class SandboxPlaceholder;
