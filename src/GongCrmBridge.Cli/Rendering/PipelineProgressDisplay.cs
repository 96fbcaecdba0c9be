using System.Globalization;
using GongCrmBridge.Cli.Infrastructure;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Pipeline;
using GongCrmBridge.Upload;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace GongCrmBridge.Cli.Rendering;

/// <summary>Shows the pipeline's progress: live bars on an interactive terminal, a log line every few seconds
/// otherwise (SPEC.md: progress bars on a terminal, plain structured log lines when redirected).</summary>
internal static class PipelineProgressDisplay
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    public static async Task<T> RunAsync<T>(
        IAnsiConsole console,
        bool interactive,
        ILogger logger,
        Func<IProgress<PipelineProgress>, Task<T>> work) =>
        await RunAsync(console, interactive, logger, (pipeline, _) => work(pipeline));

    /// <summary>Also shows the uploads: per object type, the files Gong finished and their records.</summary>
    public static async Task<T> RunAsync<T>(
        IAnsiConsole console,
        bool interactive,
        ILogger logger,
        Func<IProgress<PipelineProgress>, IProgress<UploadProgress>, Task<T>> work)
    {
        if (!interactive)
        {
            // Each finished upload is logged by the uploader itself.
            return await work(new LoggingProgress(logger), new SynchronousProgress<UploadProgress>(_ => { }));
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<CrmObjectType, ProgressTask>();
                var lockObject = new Lock();
                var uploads = new Dictionary<CrmObjectType, ProgressTask>();
                var uploadProgress = new SynchronousProgress<UploadProgress>(update =>
                {
                    lock (lockObject)
                    {
                        if (!uploads.TryGetValue(update.ObjectType, out var task))
                        {
                            task = context.AddTask("upload").IsIndeterminate();
                            uploads[update.ObjectType] = task;
                        }

                        task.Description = string.Create(
                            CultureInfo.InvariantCulture,
                            $"{update.ObjectType.ToWireName(),-13} {update.FilesDone,4:N0} file(s) processed by Gong  {update.Accepted,12:N0} accepted  {update.Rejected,8:N0} rejected");
                    }
                });
                var progress = new SynchronousProgress<PipelineProgress>(update =>
                {
                    if (!tasks.TryGetValue(update.ObjectType, out var task))
                    {
                        task = context.AddTask(update.ObjectType.ToWireName()).IsIndeterminate();
                        tasks[update.ObjectType] = task;
                    }

                    task.Description = Describe(update);
                    if (update.Completed)
                    {
                        task.IsIndeterminate(false).Value(100);
                        task.StopTask();
                    }
                });
                return await work(progress, uploadProgress);
            });
    }

    private static string Describe(PipelineProgress update) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{update.ObjectType.ToWireName(),-13} {update.Read,12:N0} read  {update.Valid,12:N0} valid  {update.Rejected,8:N0} rejected");

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder).</summary>
    private sealed class SynchronousProgress<TValue>(Action<TValue> report) : IProgress<TValue>
    {
        public void Report(TValue value) => report(value);
    }

    private sealed class LoggingProgress(ILogger logger) : IProgress<PipelineProgress>
    {
        private long _lastLogTicks = Environment.TickCount64;

        public void Report(PipelineProgress value)
        {
            if (value.Completed || Environment.TickCount64 - _lastLogTicks < LogInterval.TotalMilliseconds)
            {
                return; // completion is logged by the pipeline itself
            }

            _lastLogTicks = Environment.TickCount64;
            CliLog.Progress(logger, value.ObjectType.ToWireName(), value.Read, value.Valid, value.Rejected);
        }
    }
}
