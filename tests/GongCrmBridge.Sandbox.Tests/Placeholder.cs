namespace GongCrmBridge.Sandbox.Tests;
