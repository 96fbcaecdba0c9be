namespace GongCrmBridge.Cli.Infrastructure;

/// <summary>The command line or the environment is not usable as given (exit code 2); nothing was sent.</summary>
internal sealed class UsageException(string message) : Exception(message);
