using CareRules.Time;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CareRules.Tests.Time;

public sealed class WeeklyHoursTests
{
    [Theory]
    [InlineData("Mon-Fri 08:00-16:00")]
    [InlineData("Mon-Fri 08:00-16:00; Sat 09:00-13:00")]
    [InlineData("Mon,Wed 10:00-18:00")]
    [InlineData("Mon-Sun 00:00-23:59")]
    [InlineData("Mon,Wed-Fri 08:00-16:00; Tue 10:00-12:00")]
    [InlineData("Sun 01:30-03:30")]
    public void ToString_CanonicalText_RoundTripsThroughParse(string text)
    {
        var hours = WeeklyHours.Parse(text);
        Assert.Equal(text, hours.ToString());
        Assert.Equal(hours, WeeklyHours.Parse(hours.ToString()));
    }

    [Theory]
    [InlineData("mon - FRI 8:00 - 16:00", "Mon-Fri 08:00-16:00")]
    [InlineData("Mon,Tue,Wed 08:00-16:00", "Mon-Wed 08:00-16:00")]
    [InlineData("Mon 08:00-16:00; Tue 08:00-16:00", "Mon-Tue 08:00-16:00")]
    [InlineData("Sat 09:00-13:00; Mon-Fri 08:00-16:00", "Mon-Fri 08:00-16:00; Sat 09:00-13:00")]
    [InlineData("  Fri 08:00-16:00 ;Mon-Thu 08:00-16:00  ", "Mon-Fri 08:00-16:00")]
    [InlineData("Sun 10:00-12:00; Mon 10:00-12:00", "Mon,Sun 10:00-12:00")]
    public void ToString_EquivalentText_IsCanonical(string text, string canonical) =>
        Assert.Equal(canonical, WeeklyHours.Parse(text).ToString());

    [Theory]
    [InlineData("Mon-Fri 16:00-08:00", "closing time 08:00 is not after opening time 16:00")]
    [InlineData("Mon-Fri 08:00-08:00", "closing time 08:00 is not after opening time 08:00")]
    [InlineData("Xyz 08:00-16:00", "'Xyz' is not a day of the week")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("Mon-Fri 08:00-16:00;", "empty part")]
    [InlineData("Mon-Fri", "'Mon-Fri' has no hours")]
    [InlineData("08:00-16:00", "names no days")]
    [InlineData("Mon-Fri 25:00-26:00", "'25:00' is not a time of day")]
    [InlineData("Mon-Fri 08:60-16:00", "'08:60' is not a time of day")]
    [InlineData("Mon-Fri 08:00-24:00", "'24:00' is not a time of day")]
    [InlineData("Mon-Fri 8-16", "'8' is not a time of day")]
    [InlineData("Mon-Fri 08:00", "'08:00' is not an opening and a closing time")]
    [InlineData("Mon-Fri 08:00-12:00-16:00", "is not an opening and a closing time")]
    [InlineData("Fri-Mon 08:00-16:00", "day range 'Fri-Mon' runs backwards")]
    [InlineData("Mon-Wed-Fri 08:00-16:00", "'Mon-Wed-Fri' in 'Mon-Wed-Fri 08:00-16:00' is not a day or a day range")]
    [InlineData("Mon,,Tue 08:00-16:00", "'' in 'Mon,,Tue 08:00-16:00' is not a day")]
    [InlineData("Mon-Fri 08:00-16:00; Fri 09:00-13:00", "Fri is given hours more than once")]
    public void Parse_InvalidText_ThrowsFormatExceptionSayingWhatIsWrong(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => WeeklyHours.Parse(text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(text))
        {
            Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        }

        Assert.False(WeeklyHours.TryParse(text, out var hours, out var error));
        Assert.Null(hours);
        Assert.Equal(ex.Message, error);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => WeeklyHours.Parse(null!));

    [Fact]
    public void TryParse_Null_ReturnsFalseWithError()
    {
        Assert.False(WeeklyHours.TryParse(null, out var hours, out var error));
        Assert.Null(hours);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ValidText_ReturnsHoursAndNoError()
    {
        Assert.True(WeeklyHours.TryParse("Mon-Fri 08:00-16:00", out var hours, out var error));
        Assert.Equal(WeeklyHours.Default, hours);
        Assert.Null(error);
    }

    [Fact]
    public void Default_IsMondayToFridayEightToFour()
    {
        Assert.Equal("Mon-Fri 08:00-16:00", WeeklyHours.Default.ToString());
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            bool weekday = day <= IsoDayOfWeek.Friday;
            Assert.Equal(weekday, WeeklyHours.Default.TryGetHours(day, out var open, out var close));
            Assert.Equal(weekday, WeeklyHours.Default.IsOpenOn(day));
            Assert.Equal(weekday ? new LocalTime(8, 0) : LocalTime.Midnight, open);
            Assert.Equal(weekday ? new LocalTime(16, 0) : LocalTime.Midnight, close);
        }
    }

    [Fact]
    public void TryGetHours_SeveralParts_ReturnsEachDaysHours()
    {
        var hours = WeeklyHours.Parse("Mon,Wed 10:00-18:00; Sat 9:30-13:15");
        Assert.True(hours.TryGetHours(IsoDayOfWeek.Wednesday, out var open, out var close));
        Assert.Equal((new LocalTime(10, 0), new LocalTime(18, 0)), (open, close));
        Assert.True(hours.TryGetHours(IsoDayOfWeek.Saturday, out open, out close));
        Assert.Equal((new LocalTime(9, 30), new LocalTime(13, 15)), (open, close));
        Assert.False(hours.TryGetHours(IsoDayOfWeek.Tuesday, out _, out _));
    }

    [Fact]
    public void TryGetHours_NoDay_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => WeeklyHours.Default.TryGetHours(IsoDayOfWeek.None, out _, out _));
        Assert.Equal("day", ex.ParamName);
    }

    [Fact]
    public void Equals_SameHoursWrittenDifferently_AreEqualWithSameHash()
    {
        var a = WeeklyHours.Parse("Mon-Fri 08:00-16:00");
        var b = WeeklyHours.Parse("Fri 08:00-16:00; Mon-Thu 8:00-16:00");
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("Mon-Fri 08:00-16:01")]
    [InlineData("Mon-Thu 08:00-16:00")]
    [InlineData("Mon-Fri 08:00-16:00; Sat 09:00-13:00")]
    public void Equals_DifferentHours_AreNotEqual(string text)
    {
        var other = WeeklyHours.Parse(text);
        Assert.NotEqual(WeeklyHours.Default, other);
        Assert.True(WeeklyHours.Default != other);
        Assert.False(WeeklyHours.Default.Equals(null));
        Assert.False(WeeklyHours.Default == null);
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)])]
    public bool Parse_RandomHoursOnePartPerDay_KeepsEveryDayAndRoundTrips(TimeArbitraries.DaySchedule schedule)
    {
        var hours = WeeklyHours.Parse(schedule.Text);
        for (int i = 0; i < 7; i++)
        {
            var day = (IsoDayOfWeek)(i + 1);
            bool open = hours.TryGetHours(day, out var from, out var to);
            var expected = schedule.Days[i];
            if (open != expected.HasValue || (open && (from, to) != expected!.Value))
            {
                return false;
            }
        }

        var reparsed = WeeklyHours.Parse(hours.ToString());
        return reparsed == hours && reparsed.ToString() == hours.ToString();
    }
}
