using GongCrmBridge.Batching;
using GongCrmBridge.Gong.Models;
using GongCrmBridge.Planning;

namespace GongCrmBridge.Tests.Planning;

public sealed class CallPlanTests
{
    private static BatchFile File(CrmObjectType type, int sequence, int records) =>
        new(type, $"/batches/{type}-{sequence}.ldjson", sequence, records, records * 100L, HoldsLaterVersions: false, LineMapPath: "");

    private static CallPlan TwoTypes() => CallPlan.Of(
        [
            (CrmObjectType.Account, [File(CrmObjectType.Account, 1, 50_000), File(CrmObjectType.Account, 2, 1_234)]),
            (CrmObjectType.Deal, [File(CrmObjectType.Deal, 1, 8_800)]),
        ],
        typesWithSchema: 1);

    [Fact]
    public void Of_FilesOfTwoTypes_CountsFilesRecordsAndEveryCallKind()
    {
        // Given two ACCOUNT files and one DEAL file, ACCOUNT declaring custom fields
        // When the plan is made
        var plan = TwoTypes();

        // Then it holds files and records per type, 1 lookup, the schema read and one write, and per file 1 upload + 2 polls
        Assert.Equal([new TypePlan("ACCOUNT", 2, 51_234), new TypePlan("DEAL", 1, 8_800)], plan.Types);
        Assert.Equal((1L, 2L, 3L, 6L, 0L), (plan.Lookups, plan.SchemaCalls, plan.Uploads, plan.Polls, plan.ResumedPolls));
        Assert.Equal(12L, plan.Calls);
    }

    [Fact]
    public void WithLeftovers_ThreeUnfinishedUploads_AddsTheirPollsToTheCalls()
    {
        // Given a plan of 12 calls and 3 uploads an earlier run left unfinished
        // When the leftovers are added
        var plan = TwoTypes().WithLeftovers(3);

        // Then each is polled twice, and the plan's one call count includes them
        Assert.Equal((6L, 18L), (plan.ResumedPolls, plan.Calls));
        Assert.EndsWith("about 18 API calls (1 lookup, 2 schema, 3 upload(s), 6 poll(s), 6 poll(s) of earlier runs' uploads)", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NoLeftovers_NamesEachTypeOnOneLine()
    {
        // When the plan is written for people
        var line = TwoTypes().ToString();

        // Then it reads as one line with the numbers grouped
        Assert.Equal(
            "plan: ACCOUNT 2 file(s), 51,234 record(s); DEAL 1 file(s), 8,800 record(s); about 12 API calls (1 lookup, 2 schema, 3 upload(s), 6 poll(s))",
            line);
    }
}
