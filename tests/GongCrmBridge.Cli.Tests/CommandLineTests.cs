using GongCrmBridge.Cli.Tests.Infrastructure;

namespace GongCrmBridge.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Sync_WithoutJob_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(null, "sync");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--job is required", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(null, "frobnicate");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task IntegrationShow_OverPlainHttpToARemoteHost_IsRefusedBeforeAnyCall()
    {
        var environment = new Dictionary<string, string> { ["GONG_ACCESS_KEY"] = "key", ["GONG_ACCESS_KEY_SECRET"] = "secret" };

        var result = await CliRunner.RunAsync(environment, "integration", "show", "--base-url", "http://gong.example.com");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("TLS", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntegrationShow_WithoutCredentials_SaysWhichVariablesToSet()
    {
        var result = await CliRunner.RunAsync(null, "integration", "show", "--base-url", "https://us-1.api.gong.io");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GONG_ACCESS_KEY", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntegrationDelete_WithoutYes_ExplainsWhatItDestroysAndDoesNothing()
    {
        var environment = new Dictionary<string, string> { ["GONG_ACCESS_KEY"] = "key", ["GONG_ACCESS_KEY_SECRET"] = "secret" };

        var result = await CliRunner.RunAsync(environment, "integration", "delete", "--integration-id", "42", "--base-url", "https://127.0.0.1:1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("erases every account", result.All, StringComparison.Ordinal);
    }
}
