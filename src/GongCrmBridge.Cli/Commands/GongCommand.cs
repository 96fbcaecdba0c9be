using System.ComponentModel;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Cli.Rendering;
using GongCrmBridge.Gong;
using GongCrmBridge.Jobs;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Commands;

/// <summary>Options shared by the commands that make single Gong calls.</summary>
internal class GongSettings : CommonSettings
{
    [CommandOption("-j|--job <FILE>")]
    [Description("A job file, for gong.baseUrl and the integration's name.")]
    public string? Job { get; init; }

    [CommandOption("--integration-id <ID>")]
    [Description("The integration to use. Default: the company's one integration.")]
    public long? IntegrationId { get; init; }

    [CommandOption("--json")]
    [Description("Print the result as JSON.")]
    public bool Json { get; init; }

    [CommandOption("--requests-per-second <N>")]
    [Description("The most calls per second (every retry counts). Default: the job's, else Gong's 3.")]
    public double? RequestsPerSecond { get; init; }
}

/// <summary>A command that talks to Gong: resolves the base URL and credentials, then makes its calls.</summary>
internal abstract class GongCommand<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : GongSettings
{
    protected CliEnvironment Environment => environment;

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        JobDefinition? job = null;
        if (settings.Job is not null && (job = JobLoading.TryLoad(environment.Console, settings.Job)) is null)
        {
            return ExitCodes.Configuration;
        }

        using var loggers = Logging.Create(environment, settings.LogFormat, settings.Verbose, quietConsole: !settings.Verbose);
        var baseUrl = GongConnection.ResolveBaseUrl(settings, environment, job?.BaseUrl);
        using var client = GongConnection.CreateClient(baseUrl, GongConnection.ResolveCredentials(environment), settings.RequestsPerSecond ?? job?.Options.RequestsPerSecond ?? 3, loggers);
        return await ExecuteAsync(client, job, settings, cancellationToken);
    }

    protected abstract Task<int> ExecuteAsync(IGongCrmClient client, JobDefinition? job, TSettings settings, CancellationToken cancellationToken);

    protected void WriteJson<T>(T value) => environment.Console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(value));

    /// <summary>Returns <c>--integration-id</c>, else the id of the company's one integration.</summary>
    protected static async Task<long> IntegrationIdAsync(IGongCrmClient client, GongSettings settings, CancellationToken cancellationToken)
    {
        if (settings.IntegrationId is { } id)
        {
            return id;
        }

        var integrations = await client.ListIntegrationsAsync(cancellationToken);
        return integrations.Count > 0
            ? integrations[0].IntegrationId
            : throw new UsageException("Gong has no CRM integration yet; register one with `gongbridge integration register --job JOB.yaml`.");
    }
}
