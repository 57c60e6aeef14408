using CareRules.Time;
using NodaTime;

namespace CareRules.Tests.Time;

public sealed class NoHolidaysTests
{
    [Theory]
    [InlineData(2026, 12, 25)]
    [InlineData(2026, 11, 11)]
    [InlineData(2026, 11, 16)]
    public void IsHoliday_AnyDate_IsFalse(int year, int month, int day) =>
        Assert.False(NoHolidays.Instance.IsHoliday(new LocalDate(year, month, day)));

    [Fact]
    public void Name_IsDescriptive() => Assert.Equal("No holidays", NoHolidays.Instance.Name);
}
