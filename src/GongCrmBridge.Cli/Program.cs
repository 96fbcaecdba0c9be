using System.Runtime.InteropServices;
using GongCrmBridge.Cli;
using GongCrmBridge.Cli.Infrastructure;

// Ctrl+C and SIGTERM (a scheduler stopping the job) both end the run cleanly: the token stops the work, the run
// writes its report with what was and wasn't sent, and the process exits with 130.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

return await GongBridgeApp.RunAsync(args, CliEnvironment.FromProcess(), stop.Token);
