using GongCrmBridge.State;

namespace GongCrmBridge.Tests.State;

/// <summary>The plan against what is left of the day's budget.</summary>
public sealed class CallBudgetTests
{
    [Fact]
    public void Check_PlanWithinWhatIsLeft_Fits()
    {
        var check = CallBudget.Check(plannedCalls: 1_200, dailyBudget: 10_000, usedToday: 8_800);
        Assert.True(check.Fits);
        Assert.Equal((1_200L, 0L), (check.Left, check.Shortfall));
        Assert.Contains("1,200 of 10,000 left", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PlanBeyondWhatIsLeft_DoesNotFitAndSaysByHowMuch()
    {
        var check = CallBudget.Check(plannedCalls: 1_500, dailyBudget: 10_000, usedToday: 9_000);
        Assert.False(check.Fits);
        Assert.Equal((1_000L, 500L), (check.Left, check.Shortfall));
        Assert.Contains("needs 1,500 calls but only 1,000 of today's 10,000 are left (9,000 used today, UTC)", check.Describe(), StringComparison.Ordinal);
        Assert.Contains("--ignore-budget", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MoreUsedThanTheBudget_NothingLeft()
    {
        var check = CallBudget.Check(plannedCalls: 1, dailyBudget: 10_000, usedToday: 10_250);
        Assert.Equal((0L, 1L, false), (check.Left, check.Shortfall, check.Fits));
        Assert.True(CallBudget.Check(0, 10_000, 10_250).Fits);
    }

    [Fact]
    public void Check_NegativeNumber_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CallBudget.Check(-1, 10_000, 0));
}
