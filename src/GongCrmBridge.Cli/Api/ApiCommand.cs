using System.Text.Json;
using GongCrmBridge.Cli.Commands;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong;
using GongCrmBridge.Gong.Operations;
using GongCrmBridge.Sandbox;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Api;

/// <summary>Every command of <see cref="ApiCatalogue"/>: the row (command data) says which Gong operation it sends and
/// how; this builds the request from the options, asks for <c>--yes</c> before destroying data, prints the request
/// instead with <c>--dry-run</c>, follows the cursor with <c>--all</c>, and prints the items.</summary>
internal sealed class ApiCommand(CliEnvironment environment) : AsyncCommand<ApiSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApiSettings settings, CancellationToken cancellationToken)
    {
        var spec = context.Data as ApiCommandSpec
            ?? throw new InvalidOperationException($"The command {context.Name} has no catalogue row.");
        if (settings.DryRun && settings.Sandbox)
        {
            throw new UsageException("--dry-run sends nothing; --sandbox makes no sense with it.");
        }

        if (settings.RequestsPerSecond is <= 0)
        {
            throw new UsageException("--requests-per-second must be positive.");
        }

        var request = ApiRequestBuilder.Build(spec, settings, ReadBody);
        if (spec.Operation.DestroysData && !settings.Yes && !settings.DryRun)
        {
            environment.Console.MarkupLineInterpolated(
                $"[yellow]{spec.Command} cannot be undone ({spec.Operation.Name}). Add --yes to do it, or --dry-run to see the request.[/]");
            return ExitCodes.Configuration;
        }

        using var loggers = Logging.Create(environment, settings.LogFormat, settings.Verbose, quietConsole: !settings.Verbose);
        await using var sandbox = settings.Sandbox ? await StartSandboxAsync(cancellationToken) : null;
        var baseUrl = sandbox?.BaseUrl ?? GongConnection.ResolveBaseUrl(new CommonSettings { BaseUrl = settings.BaseUrl }, environment, null);
        var credentials = sandbox is null
            ? GongConnection.ResolveCredentials(environment)
            : GongCredentials.Basic(sandbox.Options.AccessKey, sandbox.Options.AccessKeySecret);
        using var client = GongConnection.CreateClient(baseUrl, credentials, settings.RequestsPerSecond ?? 3, loggers);
        if (settings.DryRun)
        {
            WritePreview(client.Preview(request), settings.Output);
            return ExitCodes.Success;
        }

        var output = new ApiOutput(environment.Console, settings.Output, settings.Fields, spec.Items, spec.Columns);
        try
        {
            if (spec.Operation == GongOperations.PurgeEmailAddress && settings.Job is { } jobPath &&
                await PurgeEmailRetraction.RunAsync(environment, client, jobPath, settings.Emails[0], settings.Sandbox, cancellationToken) is { } stop)
            {
                return stop;
            }

            if (settings.All)
            {
                await output.WriteAsync(client.PagesAsync(request, cancellationToken), asList: true, cancellationToken);
                return ExitCodes.Success;
            }

            var answer = await client.SendAsync(request, cancellationToken);
            JsonElement[] pages = answer is { } one ? [one] : [];
            await output.WriteAsync(pages.ToAsyncEnumerable(), asList: false, cancellationToken);
            if (answer is { } page && ApiOutput.NextCursor(page) is { } next)
            {
                await environment.Error.WriteLineAsync($"More results: add --all, or --cursor {next}");
            }

            return ExitCodes.Success;
        }
        catch (GongApiException exception)
        {
            // Gong's answer says what is wrong; the message holds no credentials (and no request body).
            environment.Console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitCodes.Failed;
        }
    }

    private static async Task<GongSandbox> StartSandboxAsync(CancellationToken cancellationToken)
    {
        var generated = SandboxOptions.WithGeneratedCredentials();
        return await GongSandbox.StartAsync(
            new SandboxOptions { AccessKey = generated.AccessKey, AccessKeySecret = generated.AccessKeySecret, AllowUnderscoreInObjectId = true },
            port: 0,
            cancellationToken);
    }

    private string ReadBody(string source) => source == "-" ? environment.Input.ReadToEnd() : File.ReadAllText(source);

    private void WritePreview(GongRequestPreview preview, OutputFormat format)
    {
        var writer = environment.Console.Profile.Out.Writer;
        if (format == OutputFormat.Table)
        {
            writer.WriteLine($"{preview.Method} {preview.Url}");
            foreach (var (name, value) in preview.Headers)
            {
                writer.WriteLine($"{name}: {value}");
            }

            if (preview.Body is { } body)
            {
                writer.WriteLine();
                writer.WriteLine(body);
            }

            return;
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = format == OutputFormat.Json }))
        {
            json.WriteStartObject();
            json.WriteString("method", preview.Method);
            json.WriteString("url", preview.Url);
            json.WriteStartObject("headers");
            foreach (var (name, value) in preview.Headers)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WritePropertyName("body");
            if (preview.Body is null)
            {
                json.WriteNullValue();
            }
            else if (preview.Body.StartsWith('{') || preview.Body.StartsWith('['))
            {
                using var document = JsonDocument.Parse(preview.Body);
                document.RootElement.WriteTo(json);
            }
            else
            {
                json.WriteStringValue(preview.Body);
            }

            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
