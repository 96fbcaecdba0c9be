namespace GongCrmBridge.Cli.Tests;
