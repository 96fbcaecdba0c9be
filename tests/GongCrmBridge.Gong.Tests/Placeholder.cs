namespace GongCrmBridge.Gong.Tests;
