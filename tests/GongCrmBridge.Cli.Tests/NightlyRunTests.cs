using System.Runtime.CompilerServices;
using GongCrmBridge.Cli.Tests.Infrastructure;
using GongCrmBridge.Sandbox;
using GongCrmBridge.Tests.Support;

namespace GongCrmBridge.Cli.Tests;

/// <summary>Scheduled runs on one state against one emulator (SPEC.md, "State (nightly runs)"): incremental sends,
/// mirror deletes and their guards, the daily budget, and a run stopped by Gong that the next one finishes.</summary>
public sealed class NightlyRunTests
{
    [Fact]
    public async Task NightlySequence_SendsOnlyWhatChanged_AndDeletesOnlyWhatIsSafe()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new NightlyJob(accounts: 50);

        // Night 1: full load.
        var first = await RunAsync(gong, job);
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Equal((50L, 50L, 0L), Counts(job));
        Assert.Equal(50, gong.Sandbox.State.Objects("ACCOUNT").Count);

        // Night 2: nothing changed: nothing sent, at most the integration lookup and one schema read.
        var uploadsBefore = gong.Sandbox.State.UploadCount;
        var callsBefore = gong.Sandbox.State.CallCount();
        var second = await RunAsync(gong, job);
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Equal((50L, 0L, 50L), Counts(job));
        Assert.Equal(uploadsBefore, gong.Sandbox.State.UploadCount);
        Assert.InRange(gong.Sandbox.State.CallCount() - callsBefore, 0, 2);
        Assert.InRange(Report.Read(job.LastReport).Summary.ApiCalls, 0, 2);

        // Night 3: three records edited: exactly those three are sent.
        foreach (var n in new[] { 4, 17, 33 })
        {
            job.Accounts[n - 1] = (job.Accounts[n - 1].Id, $"Renamed {n}");
        }

        job.WriteExports();
        var third = await RunAsync(gong, job);
        Assert.True(third.ExitCode == 0, third.All);
        Assert.Equal((50L, 3L, 47L), Counts(job));
        var upload = Assert.Single(gong.Sandbox.State.Uploads.Skip(uploadsBefore));
        Assert.Equal(3, upload.RecordCount);
        Assert.Equal("Renamed 17", gong.Sandbox.State.Objects("ACCOUNT")["ACC-17"].GetProperty("name").GetString());

        // Night 4: mirror, two records gone from the export: exactly two deletes.
        job.WriteJob("mirror");
        job.Accounts.RemoveAll(a => a.Id is "ACC-8" or "ACC-9");
        job.WriteExports();
        var fourth = await RunAsync(gong, job);
        Assert.True(fourth.ExitCode == 0, fourth.All);
        var summary = Report.Read(job.LastReport).Summary.ObjectTypes["ACCOUNT"];
        Assert.Equal((48L, 0L, 48L, 2L), (summary.Read, summary.Accepted ?? -1, summary.Unchanged, summary.Deleted));
        var objects = gong.Sandbox.State.Objects("ACCOUNT");
        Assert.Equal(48, objects.Count);
        Assert.False(objects.ContainsKey("ACC-8") || objects.ContainsKey("ACC-9"));

        // Night 5: 60% gone: over maxDeletePercent (10): deletes withheld, warning, exit 3, nothing deleted.
        var kept = job.Accounts.Take(19).ToList();
        job.Accounts.Clear();
        job.Accounts.AddRange(kept);
        job.WriteExports();
        var fifth = await RunAsync(gong, job);
        Assert.True(fifth.ExitCode == 3, fifth.All);
        var report = Report.Read(job.LastReport).Summary;
        Assert.Equal(29L, report.DeletesWithheld["ACCOUNT"]);
        Assert.Contains(report.Warnings, n => n.Code == "deletes-withheld" && n.ObjectType == "ACCOUNT" && n.Count == 29);
        Assert.Equal(48, gong.Sandbox.State.Objects("ACCOUNT").Count);

        // Night 6: an empty export never deletes, even with --allow-deletes.
        job.Accounts.Clear();
        job.WriteExports();
        var sixth = await RunAsync(gong, job, "--allow-deletes");
        Assert.True(sixth.ExitCode == 3, sixth.All);
        Assert.Equal(48L, Report.Read(job.LastReport).Summary.DeletesWithheld["ACCOUNT"]);
        Assert.Equal(48, gong.Sandbox.State.Objects("ACCOUNT").Count);
    }

    [Fact]
    public async Task Budget_PlanOverTheDailyBudget_SendsNothingAndExitsOneWithTheNumbers()
    {
        await using var gong = await SandboxSession.StartAsync();
        using var job = new NightlyJob(accounts: 20);
        job.WriteJob("upsert", "  dailyCallBudget: 4"); // the plan: 1 lookup, 1 schema read, 1 upload, 2 polls

        var result = await RunAsync(gong, job);

        Assert.True(result.ExitCode == 1, result.All);
        Assert.Equal(0, gong.Sandbox.State.CallCount());
        var summary = Report.Read(job.LastReport).Summary;
        Assert.Contains("5", summary.Error, StringComparison.Ordinal);
        Assert.Contains("4", summary.Error, StringComparison.Ordinal);
        Assert.Contains(summary.Warnings, n => n.Code == "budget" && n.ObjectType is null && n.Count == 1);
        Assert.Equal(20L, summary.ObjectTypes["ACCOUNT"].NotSent);

        var ignored = await RunAsync(gong, job, "--ignore-budget");
        Assert.True(ignored.ExitCode == 0, ignored.All);
        Assert.Equal(20, gong.Sandbox.State.Objects("ACCOUNT").Count);
    }

    [Fact]
    public async Task RetryAfterLongerThanMaxWait_StopsCleanly_AndTheNextRunResumesWithoutResending()
    {
        await using var gong = await SandboxSession.StartAsync(pollsUntilDone: 2);
        using var job = new NightlyJob(accounts: 30);
        gong.Sandbox.Faults.RateLimitNext(SandboxRoute.RequestStatus, 1, TimeSpan.FromHours(1));

        var stopped = await RunAsync(gong, job);

        Assert.True(stopped.ExitCode == 1, stopped.All);
        var first = Report.Read(job.LastReport).Summary;
        Assert.Contains("--max-wait", first.Error, StringComparison.Ordinal);
        Assert.Equal(30L, first.ObjectTypes["ACCOUNT"].Pending);
        Assert.Equal(1, gong.Sandbox.State.UploadCount);

        var resumed = await RunAsync(gong, job);

        Assert.True(resumed.ExitCode == 0, resumed.All);
        Assert.Equal(1, gong.Sandbox.State.UploadCount);
        Assert.Equal(30, gong.Sandbox.State.Objects("ACCOUNT").Count);
        var next = await RunAsync(gong, job);
        Assert.True(next.ExitCode == 0, next.All);
        Assert.Equal((30L, 0L, 30L), Counts(job));
    }

    [Fact]
    public async Task GongOutageOfMinutesWhilePolling_IsWaitedOut()
    {
        // The emulator's clock runs two minutes per real second: five minutes of Gong trouble last 2.5 s.
        var clock = new FastClock(120);
        await using var gong = await SandboxSession.StartAsync(pollsUntilDone: 2, clock: clock);
        using var job = new NightlyJob(accounts: 30);
        var polls = OutageFromTheFirstPoll(gong, clock, TimeSpan.FromMinutes(5));

        var result = await RunAsync(gong, job, "--status-timeout", "2");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(30, gong.Sandbox.State.Objects("ACCOUNT").Count);
        Assert.Equal(1, gong.Sandbox.State.UploadCount);
        Assert.True(clock.GetUtcNow() - clock.Start >= TimeSpan.FromMinutes(5), "the run ended before the outage did");
        Assert.True(gong.Sandbox.State.CallCount(SandboxRoute.RequestStatus) > polls.Value, "no poll met the outage");
    }

    /// <summary>A clock that runs <paramref name="factor"/> times faster than real time.</summary>
    private sealed class FastClock(double factor) : TimeProvider
    {
        private readonly long _started = System.GetTimestamp();

        public DateTimeOffset Start { get; } = System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => Start + (System.GetElapsedTime(_started) * factor);
    }

    [Fact]
    public async Task StateAfterSyncs_HoldsObjectIdsButNeverACellValueOrTheSecret()
    {
        // Given records whose names carry a marker, synced twice (the second run edits one) and once in mirror mode
        const string Marker = "Qxzvy-Cell-5e2d";
        await using var gong = await SandboxSession.StartAsync();
        using var job = new NightlyJob(accounts: 30, contacts: true);
        for (var i = 0; i < job.Accounts.Count; i++)
        {
            job.Accounts[i] = (job.Accounts[i].Id, $"{Marker} {i}");
        }

        job.WriteExports();
        Assert.Equal(0, (await RunAsync(gong, job)).ExitCode);
        job.Accounts[3] = (job.Accounts[3].Id, $"{Marker} edited");
        job.WriteExports();
        Assert.Equal(0, (await RunAsync(gong, job)).ExitCode);
        job.WriteJob("mirror");
        job.Accounts.RemoveAt(7);
        job.WriteExports();
        Assert.Equal(0, (await RunAsync(gong, job)).ExitCode);

        // Then no file of the state holds the marker or the secret (UTF-8 or UTF-16), while it holds the objectIds
        var files = Directory.GetFiles(job.StateDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToList();
        Assert.NotEmpty(files);
        foreach (var text in new[] { Marker, "Qxzvy", gong.Options.AccessKeySecret, gong.Options.AccessKey })
        {
            foreach (var bytes in new[] { System.Text.Encoding.UTF8.GetBytes(text), System.Text.Encoding.Unicode.GetBytes(text) })
            {
                Assert.DoesNotContain(files, content => content.AsSpan().IndexOf(bytes) >= 0);
            }
        }

        Assert.Contains(files, content => content.AsSpan().IndexOf("ACC-12"u8) >= 0);
    }

    [Fact]
    public async Task GongOutageOutlastingTheStatusTimeout_ExitsOneWithUploadsPending_AndTheNextRunFinishesThem()
    {
        // Given Gong going down at the first status poll for an hour of its time (30 s here), and a status timeout of
        // 1.2 s: the run gives up on the upload while Gong is still down
        var clock = new FastClock(120);
        await using var gong = await SandboxSession.StartAsync(pollsUntilDone: 2, clock: clock);
        using var job = new NightlyJob(accounts: 30);
        OutageFromTheFirstPoll(gong, clock, TimeSpan.FromHours(1));

        var first = await RunAsync(gong, job, "--status-timeout", "0.02");

        // Then the run exits 1 with the upload recorded as pending, not as rejected nor lost
        Assert.True(first.ExitCode == 1, first.All);
        Assert.Contains("got no answer from Gong's status polls", first.All, StringComparison.Ordinal);
        var stopped = Report.Read(job.LastReport).Summary.ObjectTypes["ACCOUNT"];
        Assert.Equal((30L, 30L, 0L), (stopped.Read, stopped.Pending, stopped.Rejected));
        Assert.True(stopped.Balances);

        // When Gong is back and the next night's run starts
        gong.Sandbox.Faults.Interrupts.EndOutage();
        var second = await RunAsync(gong, job);

        // Then it finishes the pending upload by polling it (never sent twice), and every account is in Gong
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Equal(1, gong.Sandbox.State.UploadCount);
        Assert.Equal(30, gong.Sandbox.State.Objects("ACCOUNT").Count);
        var (read, accepted, unchanged) = Counts(job);
        Assert.Equal(30L, read);
        Assert.Equal(30L, accepted + unchanged);
    }

    [Fact]
    public async Task Validate_AfterASync_PrintsThePlanAndTodaysCallsFromTheState()
    {
        // Given one night's sync on the job's state
        await using var gong = await SandboxSession.StartAsync();
        using var job = new NightlyJob(accounts: 20);
        var sync = await RunAsync(gong, job);
        Assert.True(sync.ExitCode == 0, sync.All);
        var usedToday = Report.Read(job.LastReport).Summary.ApiCallsToday;

        // (the sync printed its plan and the budget before its first call)
        var planned = sync.All.IndexOf("plan: ACCOUNT 1 file(s), 20 record(s); about 5 API calls", StringComparison.Ordinal);
        var budget = sync.All.IndexOf("The plan's 5 calls fit in today's budget: 10,000 of 10,000 left", StringComparison.Ordinal);
        var registered = sync.All.IndexOf("Registered integration", StringComparison.Ordinal);
        Assert.True(planned >= 0 && budget > planned && registered > budget, sync.All);

        // When the job is validated against that state
        using var report = new TempDirectory();
        var validate = await CliRunner.RunAsync(null, "validate", "--job", job.JobPath, "--state", job.StateDirectory, "--report", report.Path);

        // Then it prints the plan (nothing changed: the ACCOUNT type plans no file) and the calls the sync used today
        Assert.True(validate.ExitCode == 0, validate.All);
        Assert.Contains("plan: ACCOUNT 0 file(s), 0 record(s); about 2 API calls (1 lookup, 1 schema, 0 upload(s), 0 poll(s))", validate.All, StringComparison.Ordinal);
        Assert.Contains($"budget: {usedToday} Gong API call(s) used today (UTC), {10_000 - usedToday:N0} left of the daily budget", validate.All, StringComparison.Ordinal);
        Assert.Equal(usedToday, Report.Read(report.Path).Summary.ApiCallsToday);
    }

    /// <summary>Takes Gong down for <paramref name="duration"/> of its clock when the first status poll arrives;
    /// the box counts the polls that arrived, during the outage included.</summary>
    private static StrongBox<int> OutageFromTheFirstPoll(SandboxSession gong, FastClock clock, TimeSpan duration)
    {
        var polls = new StrongBox<int>();
        gong.Sandbox.Faults.Interrupts.OnCall((route, moment) =>
        {
            if (route == SandboxRoute.RequestStatus && moment == CallMoment.Received && Interlocked.Increment(ref polls.Value) == 1)
            {
                gong.Sandbox.Faults.Interrupts.OutageFor(duration, clock);
            }

            return Task.CompletedTask;
        });
        return polls;
    }

    private static Task<CliResult> RunAsync(SandboxSession gong, NightlyJob job, params string[] extra) =>
        CliRunner.RunAsync(gong.Environment, [.. job.NextRun(), .. gong.FastSyncArguments, .. extra]);

    private static (long Read, long Accepted, long Unchanged) Counts(NightlyJob job)
    {
        var summary = Report.Read(job.LastReport).Summary;
        var accounts = summary.ObjectTypes["ACCOUNT"];
        Assert.True(accounts.Balances, $"ACCOUNT counts do not add up in {job.LastReport}");
        return (accounts.Read, accounts.Accepted ?? -1, accounts.Unchanged);
    }
}
