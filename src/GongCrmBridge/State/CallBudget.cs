using System.Globalization;

namespace GongCrmBridge.State;

/// <summary>Whether a run's planned calls fit in what is left of today's budget, with the numbers.</summary>
/// <param name="PlannedCalls">The calls the run's plan expects (lookups, schema, uploads, polls).</param>
/// <param name="DailyBudget">The company's daily budget (<c>options.dailyCallBudget</c>, Gong's 10,000 by default).</param>
/// <param name="UsedToday">The calls already made today (UTC), by the state's count.</param>
public readonly record struct BudgetCheck(long PlannedCalls, long DailyBudget, long UsedToday)
{
    /// <summary>Gets the calls left today.</summary>
    public long Left => Math.Max(0, DailyBudget - UsedToday);

    /// <summary>Gets a value indicating whether the plan fits in what is left.</summary>
    public bool Fits => PlannedCalls <= Left;

    /// <summary>Gets how many calls the plan needs beyond what is left (0 when it fits).</summary>
    public long Shortfall => Math.Max(0, PlannedCalls - Left);

    /// <summary>Returns the check in a sentence, with its numbers (for the log and summary.json's error).</summary>
    public string Describe() => Fits
        ? string.Create(CultureInfo.InvariantCulture, $"The plan's {PlannedCalls:N0} calls fit in today's budget: {Left:N0} of {DailyBudget:N0} left ({UsedToday:N0} used today, UTC).")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"The plan needs {PlannedCalls:N0} calls but only {Left:N0} of today's {DailyBudget:N0} are left ({UsedToday:N0} used today, UTC); nothing was sent. " +
            $"Run it after 00:00 UTC, raise options.dailyCallBudget if Gong raised your limit, or pass --ignore-budget.");
}

/// <summary>Compares a run's plan with the daily budget (SPEC.md, "Daily budget").</summary>
public static class CallBudget
{
    /// <summary>Returns whether <paramref name="plannedCalls"/> fit in <paramref name="dailyBudget"/> minus
    /// <paramref name="usedToday"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative.</exception>
    public static BudgetCheck Check(long plannedCalls, long dailyBudget, long usedToday)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plannedCalls);
        ArgumentOutOfRangeException.ThrowIfNegative(dailyBudget);
        ArgumentOutOfRangeException.ThrowIfNegative(usedToday);
        return new BudgetCheck(plannedCalls, dailyBudget, usedToday);
    }
}
