namespace GongCrmBridge.Tests;
