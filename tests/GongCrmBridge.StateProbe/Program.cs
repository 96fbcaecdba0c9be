using GongCrmBridge.Gong.Models;
using GongCrmBridge.State;

// A child process for tests/GongCrmBridge.Tests/State: does one thing to a state folder, says so on one line of
// standard output, then waits until its standard input closes, or until the test kills it (kill -9), which is the point.
//   hold-lock <state dir> <run id>       takes the run lock          → "locked <pid>"
//   plan-upload <state dir> <digest>     commits a run and a ledger row → "planned <clientRequestId>"
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: hold-lock <state dir> <run id> | plan-upload <state dir> <digest>");
    return 2;
}

using var store = StateStore.Open(args[1]);
switch (args[0])
{
    case "hold-lock":
        using (store.AcquireRunLock(args[2]))
        {
            Console.WriteLine($"locked {Environment.ProcessId}");
            Console.In.ReadLine();
        }

        return 0;
    case "plan-upload":
        store.Runs.Start(new RunStart("probe-run", "/jobs/probe.yaml", "upsert", Full: false));
        var upload = store.Uploads.Plan("probe-run", CrmObjectType.Account, args[2], recordCount: 3, bytes: 300);
        Console.WriteLine($"planned {upload.ClientRequestId}");
        Console.In.ReadLine();
        return 0;
    default:
        Console.Error.WriteLine("unknown command " + args[0]);
        return 2;
}
