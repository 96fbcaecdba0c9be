using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GongCrmBridge.Cli.Tests.Infrastructure;

namespace GongCrmBridge.Cli.Tests;

/// <summary>
/// The natively compiled tool (README, "Native build") does what the JIT-compiled one does: the same files and report
/// for a dry run, and every command against the emulator over loopback. A native build trims and precompiles, so
/// anything reached only by reflection (Spectre's command tree, JSON contracts) would fail here first.
/// </summary>
public sealed class NativeBuildTests(NativeTool native) : IClassFixture<NativeTool>
{
    [NativeFact]
    public async Task DryRun_Acme_WritesTheSameFilesAndReportAsTheJitCompiledTool()
    {
        using var nativeReport = new TempDirectory();
        using var jitReport = new TempDirectory();
        string[] arguments = ["sync", "--dry-run", "--keep-batches", "--job", Repository.PathOf("samples", "acme", "job.yaml"), "--report"];

        var nativeRun = native.Run(null, [.. arguments, nativeReport.Path]);
        var jitRun = await CliRunner.RunAsync(null, [.. arguments, jitReport.Path]);

        Assert.True(nativeRun.ExitCode == 3, nativeRun.All);
        Assert.Equal(jitRun.ExitCode, nativeRun.ExitCode);
        Assert.Equal(Files(jitReport.Path), Files(nativeReport.Path));
        foreach (var file in Files(jitReport.Path).Where(f => f is not "summary.json" and not "run.log"))
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(jitReport.Path, file)), await File.ReadAllBytesAsync(Path.Combine(nativeReport.Path, file)));
        }

        var (nativeSummary, jitSummary) = (Report.Read(nativeReport.Path).Summary, Report.Read(jitReport.Path).Summary);
        Assert.Equal(
            jitSummary.ObjectTypes.ToDictionary(t => t.Key, t => (t.Value.Read, t.Value.Valid, t.Value.Rejected, t.Value.Files)),
            nativeSummary.ObjectTypes.ToDictionary(t => t.Key, t => (t.Value.Read, t.Value.Valid, t.Value.Rejected, t.Value.Files)));
        Assert.Equal(jitSummary.Warnings.Count, nativeSummary.Warnings.Count);
        Assert.Equal(LogMessages(jitReport.Path), LogMessages(nativeReport.Path));
    }

    [NativeFact]
    public async Task EveryCommand_AgainstTheEmulator_Works()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new TestJob(accounts: 5);
        using var scratch = new TempDirectory();
        CliResult Run(params string[] args) => native.Run(gong.Environment, [.. args, "--base-url", gong.Sandbox.BaseUrl.ToString()]);

        // help, register, schema push and show
        Assert.Contains("sync", native.Run(null, "--help").Out, StringComparison.Ordinal);
        var registered = Run("integration", "register", "--job", job.JobPath, "--json").Json();
        var id = registered.GetProperty("integrationId").GetInt64().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(0, Run("schema", "push", "--job", job.JobPath, "--integration-id", id).ExitCode);
        var schema = Run("schema", "show", "--json", "--integration-id", id).Json();
        Assert.Equal(["score", "tier"], schema.GetProperty("ACCOUNT").EnumerateArray().Select(f => f.GetProperty("uniqueName").GetString()).Order());
        Assert.Equal("PICKLIST", schema.GetProperty("ACCOUNT").EnumerateArray().Single(f => f.GetProperty("uniqueName").GetString() == "tier").GetProperty("type").GetString());

        // sync, then status and objects of what it uploaded
        var sync = native.Run(gong.Environment, ["sync", "--job", job.JobPath, "--report", job.ReportDirectory, .. gong.FastSyncArguments]);
        Assert.True(sync.ExitCode == 0, sync.All);
        var upload = Assert.Single(Report.Read(job.ReportDirectory).Summary.ObjectTypes["ACCOUNT"].Uploads);
        var status = Run("status", "--client-request-id", upload.ClientRequestId, "--json").Json();
        Assert.Equal(("DONE", 5), (status.GetProperty("status").GetString(), status.GetProperty("totalSuccessCount").GetInt32()));
        var objects = Run("objects", "get", "--type", "ACCOUNT", "--id", "ACC-1", "--id", "NOPE", "--json").Json();
        Assert.Equal("Account 1", objects.GetProperty("ACC-1").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, objects.GetProperty("NOPE").ValueKind);
        Assert.Equal(5, gong.Sandbox.State.Objects("ACCOUNT").Count);

        // the offline helpers
        var generated = native.Run(null, "samples", "generate", "--type", "CONTACT", "--rows", "50", "--out", scratch.File("contacts.csv"));
        Assert.True(generated.ExitCode == 0, generated.All);
        Assert.Equal(51, await File.ReadLinesAsync(scratch.File("contacts.csv")).CountAsync());
        var init = native.Run(null, "init", "--type", "CONTACT", "--csv", scratch.File("contacts.csv"));
        Assert.True(init.ExitCode == 0, init.All);
        Assert.Contains("objectType: CONTACT", init.Out, StringComparison.Ordinal);

        // the state (written through the library until sync writes it, part B of issue 11), read by the native tool
        using (var store = GongCrmBridge.State.StateStore.Open(scratch.File("state")))
        {
            store.Runs.Start(new GongCrmBridge.State.RunStart("run-1", job.JobPath, "upsert", Full: false));
            store.Runs.Finish("run-1", 0, 4, [new GongCrmBridge.State.RunTypeCounts { ObjectType = "ACCOUNT", Read = 5, Accepted = 5 }]);
        }

        var state = native.Run(null, "state", "show", "--state", scratch.File("state"), "--json").Json();
        Assert.Equal(5, state.GetProperty("runs")[0].GetProperty("counts")[0].GetProperty("accepted").GetInt64());
        Assert.Contains("Last runs", native.Run(null, "state", "show", "--state", scratch.File("state")).Out, StringComparison.Ordinal);

        // and the deletion, last
        var deleted = Run("integration", "delete", "--integration-id", id, "--yes", "--json").Json();
        Assert.Equal(id, deleted.GetProperty("integrationId").GetInt64().ToString(CultureInfo.InvariantCulture));
    }

    [NativeFact]
    public async Task SandboxServe_UntilTerminated_ServesGongOverHttpAndExitsCleanly()
    {
        // Given the native emulator server on a free port
        using var server = native.Start("sandbox", "serve", "--port", "0");
        var printed = new Dictionary<string, string>();
        string? url = null;
        while (url is null || printed.Count < 2)
        {
            var line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
                       ?? throw new InvalidOperationException("The server stopped before printing its address: " + await server.StandardError.ReadToEndAsync());
            if (System.Text.RegularExpressions.Regex.Match(line, @"listening on (http://127\.0\.0\.1:\d+)") is { Success: true } listening)
            {
                url = listening.Groups[1].Value;
            }
            else if (System.Text.RegularExpressions.Regex.Match(line, @"export (GONG_ACCESS_KEY(?:_SECRET)?)=(\S+)") is { Success: true } export)
            {
                printed[export.Groups[1].Value] = export.Groups[2].Value;
            }
        }

        // When the native tool asks it for the integrations, with the credentials it printed, and then it is terminated
        var shown = native.Run(printed, "integration", "show", "--json", "--base-url", url);
        using (var terminate = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }

        await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // Then it answered over HTTP (no integration yet) and stopped cleanly
        Assert.Equal(0, shown.Json().GetArrayLength());
        Assert.Equal(0, server.ExitCode);
    }

    /// <summary>The run log's messages without their times and run id.</summary>
    private static List<string> LogMessages(string reportDirectory) =>
    [
        .. File.ReadLines(Path.Combine(reportDirectory, "run.log")).Select(line =>
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            return root.GetProperty("@mt").GetString() + " " + (root.TryGetProperty("ObjectType", out var type) ? type.GetString() : null);
        }),
    ];

    private static List<string> Files(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path))
            .Order(StringComparer.Ordinal),
    ];
}
