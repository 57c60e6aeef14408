using CareRules.Explanations;
using NodaTime;

namespace CareRules.Tests.Explanations;

/// <summary>Durations in explanations read in days, hours and minutes (an order's age, the reply SLA, thresholds).</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(1, "1 min")]
    [InlineData(59, "59 min")]
    [InlineData(60, "1h")]
    [InlineData(150, "2h 30 min")]
    [InlineData(480, "8h")]
    [InlineData((24 * 60) - 1, "23h 59 min")]
    [InlineData(24 * 60, "1 day")]
    [InlineData((24 * 60) + 1, "1 day 1 min")]
    [InlineData(648 * 60, "27 days")]
    [InlineData(10068, "6 days 23h 48 min")]
    [InlineData(815 * 60, "33 days 23h")]
    [InlineData(-60, "-1h")]
    public void Minutes_ReadAsDaysHoursAndMinutes(int minutes, string expected) =>
        Assert.Equal(expected, ExplanationText.FormatValue(Duration.FromMinutes(minutes), null));

    [Fact]
    public void Seconds_OnlyWhenThereAreAny() =>
        Assert.Equal("1h 1 min 30 s", ExplanationText.FormatValue(Duration.FromSeconds(3690), null));
}
