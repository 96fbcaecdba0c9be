using GongCrmBridge.Mapping;

namespace GongCrmBridge.Tests.Mapping;

public sealed class ZoneOffsetCacheTests
{
    public static TheoryData<string> Zones => new() { "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "UTC" };

    [Theory]
    [MemberData(nameof(Zones))]
    public void ToUtc_EveryHalfHourOfTwoYears_AgreesWithTheFullConversion(string zoneId)
    {
        // Two years cover both daylight-saving changes twice, including the skipped and the repeated hour; Lord Howe's
        // changes are half an hour, Kolkata's offset is not a whole hour.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var cache = new ZoneOffsetCache(zone);
        for (var local = new DateTime(2023, 1, 1, 0, 7, 0); local < new DateTime(2025, 1, 1); local = local.AddMinutes(30))
        {
            Assert.Equal(ValueParsers.ToUtc(local, null, zone), cache.ToUtc(local));
        }
    }

    [Fact]
    public void ToUtc_DaysSharingASlot_EachGetsItsOwnOffset()
    {
        // Slots are day % 4096: 2024-01-15 (winter) and 4096 days later (2035-04-25, summer) share one.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var cache = new ZoneOffsetCache(zone);
        var winter = new DateTime(2024, 1, 15, 9, 0, 0);
        var summer = winter.AddDays(4096);

        Assert.Equal(winter.AddHours(5), cache.ToUtc(winter));
        Assert.Equal(summer.AddHours(4), cache.ToUtc(summer));
        Assert.Equal(winter.AddHours(5), cache.ToUtc(winter));
    }

    [Fact]
    public void ToUtc_LocalMeanTime_AgreesWithTheFullConversion()
    {
        // Before 1883 New York kept local mean time, UTC-4:56:02 in the tz database (.NET rounds it to 4:57).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var cache = new ZoneOffsetCache(zone);
        var local = new DateTime(1880, 6, 1, 12, 0, 0);

        Assert.Equal(DateTime.SpecifyKind(local + new TimeSpan(4, 57, 0), DateTimeKind.Utc), cache.ToUtc(local));
        Assert.Equal(ValueParsers.ToUtc(local, null, zone), cache.ToUtc(local));
    }

    [Fact]
    public async Task ToUtc_ManyThreadsAtOnce_NeverMixesDays()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var cache = new ZoneOffsetCache(zone);
        var times = Enumerable.Range(0, 20_000).Select(i => new DateTime(2000, 1, 1).AddHours(i * 7.3)).ToArray();

        var wrong = await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
            times.Count(t => cache.ToUtc(t) != ValueParsers.ToUtc(t, null, zone)))));

        Assert.All(wrong, count => Assert.Equal(0, count));
    }
}
