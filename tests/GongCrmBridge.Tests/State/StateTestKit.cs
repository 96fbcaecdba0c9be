using System.Diagnostics;
using System.Text;
using GongCrmBridge.State;

namespace GongCrmBridge.Tests.State;

/// <summary>A state folder of its own under the temp folder, deleted afterwards.</summary>
internal sealed class TempStateFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gcb-state-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => System.IO.Path.Combine(Path, StateStore.DatabaseFileName);

    public StateStore Open(TimeProvider? clock = null) => StateStore.Open(Path, clock);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>Records as our mapper writes them, and other small things the state tests share.</summary>
internal static class StateTestKit
{
    public const string RunId = "20240301T120000Z-test";

    public static byte[] Account(string objectId, string modified = "2024-03-01T10:00:00Z", string name = "Acme", int employees = 120) =>
        Encoding.UTF8.GetBytes(
            $$"""{"objectId":"{{objectId}}","modifiedDate":"{{modified}}","isDeleted":false,"url":"https://crm.example/a/{{objectId}}","name":"{{name}}","employees":{{employees}},"domains":["acme.example"]}""");

    /// <summary>Starts a run and plans one upload of the given content, as a sync does before sending a file.</summary>
    public static UploadRecord PlanUpload(StateStore store, string content, string runId = RunId, int records = 1)
    {
        if (store.Runs.Find(runId) is null)
        {
            store.Runs.Start(new RunStart(runId, "/jobs/nightly.yaml", "upsert", Full: false));
        }

        return store.Uploads.Plan(runId, Gong.Models.CrmObjectType.Account, FileDigest.Of(Encoding.UTF8.GetBytes(content)), records, content.Length);
    }
}

/// <summary>The state probe (tests/GongCrmBridge.StateProbe) as a real child process, killed with SIGKILL at the end.</summary>
internal sealed class StateProbe : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private StateProbe(Process process, string firstLine)
    {
        _process = process;
        FirstLine = firstLine;
    }

    /// <summary>Gets what the probe said once it did its work.</summary>
    public string FirstLine { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the probe and waits until it did its work.</summary>
    public static async Task<StateProbe> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "GongCrmBridge.StateProbe.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Patience);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null)
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            process.Dispose();
            throw new InvalidOperationException("The state probe ended without doing its work:\n" + error);
        }

        return new StateProbe(process, line);
    }

    /// <summary>Kills the probe outright (SIGKILL: no finally block, no flush, no release) and waits for its end.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(Patience);
        }

        _process.Dispose();
    }

    /// <summary>The <c>dotnet</c> that runs these tests (the test host is a dll run by it).</summary>
    private static string DotnetHost()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(root) && File.Exists(root))
        {
            return root;
        }

        var self = Environment.ProcessPath;
        return self is not null && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
