using CareRules.Time;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace CareRules.Tests.Time;

public sealed partial class BusinessCalendarTests
{
    private static readonly DateTimeZone Warsaw = DateTimeZoneProviders.Tzdb["Europe/Warsaw"];
    private static readonly BusinessCalendar Poland = BusinessCalendar.Poland;
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly Duration WorkingDay = Duration.FromHours(8);

    // ---- construction -------------------------------------------------------------------------------------------

    [Fact]
    public void Poland_UsesWarsawDefaultHoursAndPolishHolidays()
    {
        Assert.Equal("Europe/Warsaw", Poland.Zone.Id);
        Assert.Equal(WeeklyHours.Default, Poland.Hours);
        Assert.Same(PolishPublicHolidays.Instance, Poland.Holidays);
        Assert.Equal("Europe/Warsaw, Mon-Fri 08:00-16:00, Polish public holidays", Poland.ToString());
    }

    [Fact]
    public void Constructor_NullArgument_ThrowsNamingIt()
    {
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => new BusinessCalendar(null!, WeeklyHours.Default, NoHolidays.Instance)).ParamName);
        Assert.Equal("hours", Assert.Throws<ArgumentNullException>(() => new BusinessCalendar(Warsaw, null!, NoHolidays.Instance)).ParamName);
        Assert.Equal("holidays", Assert.Throws<ArgumentNullException>(() => new BusinessCalendar(Warsaw, WeeklyHours.Default, null!)).ParamName);
    }

    // ---- days -----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-16", true)]  // Monday
    [InlineData("2026-11-20", true)]  // Friday
    [InlineData("2026-11-14", false)] // Saturday
    [InlineData("2026-11-15", false)] // Sunday
    [InlineData("2026-11-11", false)] // Wednesday, Independence Day
    [InlineData("2026-12-24", false)] // Thursday, Christmas Eve
    [InlineData("2024-12-24", true)]  // Tuesday, not yet a holiday
    public void IsBusinessDay_Date_FollowsWeekdaysAndHolidays(string date, bool expected) =>
        Assert.Equal(expected, Poland.IsBusinessDay(Date(date)));

    [Theory]
    [InlineData("2026-11-13", "2026-11-16")] // Friday → Monday
    [InlineData("2026-11-10", "2026-11-12")] // the eve of Independence Day → Thursday
    [InlineData("2026-12-23", "2026-12-28")] // across Christmas
    [InlineData("2026-12-31", "2027-01-04")] // New Year's Day on Friday, then the weekend
    [InlineData("2026-11-14", "2026-11-16")] // Saturday → Monday
    public void NextBusinessDay_Date_IsFirstBusinessDayStrictlyAfter(string date, string expected) =>
        Assert.Equal(Date(expected), Poland.NextBusinessDay(Date(date)));

    [Theory]
    [InlineData("2026-03-29", 2026, 3, 28, 23)] // CET midnight
    [InlineData("2026-10-25", 2026, 10, 24, 22)] // CEST midnight
    [InlineData("2026-11-16", 2026, 11, 15, 23)]
    public void StartOfDay_Date_IsLocalMidnightInUtc(string date, int y, int mo, int d, int h) =>
        Assert.Equal(Instant.FromUtc(y, mo, d, h, 0), Poland.StartOfDay(Date(date)));

    [Theory]
    [InlineData(2026, 10, 24, 21, 59, "2026-10-24")]
    [InlineData(2026, 10, 24, 22, 0, "2026-10-25")] // 00:00 CEST
    [InlineData(2026, 12, 31, 23, 0, "2027-01-01")] // 00:00 CET
    [InlineData(2026, 12, 31, 22, 59, "2026-12-31")]
    public void LocalDate_Instant_IsTheShopsDate(int y, int mo, int d, int h, int mi, string expected) =>
        Assert.Equal(Date(expected), Poland.LocalDate(Instant.FromUtc(y, mo, d, h, mi)));

    [Theory]
    [InlineData("2026-11-16 08:00", true)]  // opening is inside
    [InlineData("2026-11-16 15:59", true)]
    [InlineData("2026-11-16 16:00", false)] // closing is outside
    [InlineData("2026-11-16 07:59", false)]
    [InlineData("2026-11-14 10:00", false)] // Saturday
    [InlineData("2026-11-11 10:00", false)] // holiday
    public void IsOpen_Instant_IsInsideWorkingHoursOfBusinessDay(string local, bool expected) =>
        Assert.Equal(expected, Poland.IsOpen(Local(local)));

    [Fact]
    public void TryGetWorkingInterval_BusinessAndClosedDays_ReturnsOpeningAndClosingInstants()
    {
        Assert.True(Poland.TryGetWorkingInterval(Date("2026-10-23"), out var open, out var close));
        Assert.Equal(Instant.FromUtc(2026, 10, 23, 6, 0), open); // CEST
        Assert.Equal(Instant.FromUtc(2026, 10, 23, 14, 0), close);
        Assert.True(Poland.TryGetWorkingInterval(Date("2026-10-26"), out open, out close));
        Assert.Equal(Instant.FromUtc(2026, 10, 26, 7, 0), open); // CET
        Assert.Equal(Instant.FromUtc(2026, 10, 26, 15, 0), close);
        Assert.False(Poland.TryGetWorkingInterval(Date("2026-10-25"), out _, out _));
        Assert.False(Poland.TryGetWorkingInterval(Date("2026-11-11"), out _, out _));
    }

    // ---- AddBusinessTime --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-16 08:00", 8, "2026-11-16 16:00")] // the rest of a day ends at closing, not next opening
    [InlineData("2026-11-16 08:00", 9, "2026-11-17 09:00")]
    [InlineData("2026-11-13 15:00", 8, "2026-11-16 15:00")] // Friday 15:00 → Monday 15:00
    [InlineData("2026-11-13 17:00", 8, "2026-11-16 16:00")] // opened Friday after hours
    [InlineData("2026-11-14 10:00", 8, "2026-11-16 16:00")] // opened Saturday
    [InlineData("2026-11-15 23:59", 1, "2026-11-16 09:00")] // opened Sunday night
    [InlineData("2026-11-16 07:00", 1, "2026-11-16 09:00")] // opened before hours
    [InlineData("2026-11-16 16:00", 1, "2026-11-17 09:00")] // opened exactly at closing
    [InlineData("2026-11-10 17:00", 8, "2026-11-12 16:00")] // opened on the eve of Independence Day (Wed 11 Nov)
    [InlineData("2026-11-10 12:00", 8, "2026-11-12 12:00")]
    [InlineData("2026-12-23 12:00", 8, "2026-12-28 12:00")] // skips 24, 25, 26 (Thu–Sat) and 27 Dec (Sun)
    [InlineData("2026-11-16 08:00", 40, "2026-11-20 16:00")] // a working week
    [InlineData("2026-12-31 12:00", 8, "2027-01-04 12:00")] // New Year's Day, then the weekend
    public void AddBusinessTime_DefaultHours_CountsOnlyWorkingHours(string start, int hours, string expected) =>
        Assert.Equal(Local(expected), Poland.AddBusinessTime(Local(start), Duration.FromHours(hours)));

    [Fact]
    public void AddBusinessTime_ChristmasWeek2026_EndsMondayNoonCet()
    {
        var start = Local("2026-12-23 12:00");
        Assert.Equal(Instant.FromUtc(2026, 12, 23, 11, 0), start);
        Assert.Equal(Instant.FromUtc(2026, 12, 28, 11, 0), Poland.AddBusinessTime(start, WorkingDay));
    }

    [Theory]
    [InlineData("2026-11-14 10:00")] // outside hours
    [InlineData("2026-11-16 10:00")]
    public void AddBusinessTime_Zero_ReturnsStartUnchanged(string start) =>
        Assert.Equal(Local(start), Poland.AddBusinessTime(Local(start), Duration.Zero));

    [Fact]
    public void AddBusinessTime_Negative_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Poland.AddBusinessTime(Local("2026-11-16 10:00"), Duration.FromTicks(-1)));
        Assert.Equal("amount", ex.ParamName);
    }

    [Fact]
    public void AddBusinessTime_OneNanosecondBeforeClosing_EndsAtClosing()
    {
        var start = Local("2026-11-16 16:00") - Duration.FromNanoseconds(1);
        Assert.Equal(Local("2026-11-16 16:00"), Poland.AddBusinessTime(start, Duration.FromNanoseconds(1)));
        Assert.Equal(Local("2026-11-17 08:00") + Duration.FromNanoseconds(1), Poland.AddBusinessTime(start, Duration.FromNanoseconds(2)));
    }

    // ---- daylight-saving time -----------------------------------------------------------------------------------

    [Fact]
    public void AddBusinessTime_AcrossOctober2026ClockChange_EndsMondayNoonCet()
    {
        var fridayNoon = Local("2026-10-23 12:00");
        Assert.Equal(Instant.FromUtc(2026, 10, 23, 10, 0), fridayNoon); // CEST, UTC+2
        var deadline = Poland.AddBusinessTime(fridayNoon, WorkingDay);
        Assert.Equal(Instant.FromUtc(2026, 10, 26, 11, 0), deadline); // CET, UTC+1
        Assert.Equal(Local("2026-10-26 12:00"), deadline);
        Assert.Equal(WorkingDay, Poland.BusinessTimeBetween(fridayNoon, deadline));
    }

    [Fact]
    public void AddBusinessTime_AcrossMarch2026ClockChange_EndsMondayNoonCest()
    {
        var fridayNoon = Local("2026-03-27 12:00");
        Assert.Equal(Instant.FromUtc(2026, 3, 27, 11, 0), fridayNoon); // CET, UTC+1
        var deadline = Poland.AddBusinessTime(fridayNoon, WorkingDay);
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 10, 0), deadline); // CEST, UTC+2
        Assert.Equal(Local("2026-03-30 12:00"), deadline);
        Assert.Equal(WorkingDay, Poland.BusinessTimeBetween(fridayNoon, deadline));
    }

    [Theory]
    [InlineData("2026-03-29", 5)] // 00:00–06:00 local loses the skipped hour 02:00–03:00
    [InlineData("2026-10-25", 7)] // 00:00–06:00 local gains the repeated hour 02:00–03:00
    [InlineData("2026-11-01", 6)]
    public void BusinessTimeBetween_HoursSpanningClockChange_CountsElapsedTime(string sunday, int expectedHours)
    {
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Parse("Sun 00:00-06:00"), NoHolidays.Instance);
        var day = Date(sunday);
        Assert.Equal(
            Duration.FromHours(expectedHours),
            calendar.BusinessTimeBetween(calendar.StartOfDay(day.PlusDays(-1)), calendar.StartOfDay(day.PlusDays(1))));
    }

    [Fact]
    public void AddBusinessTime_HoursSpanningSpringGap_EndsAtClosingCest()
    {
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Parse("Sun 00:00-06:00"), NoHolidays.Instance);
        var saturdayNoon = Local("2026-03-28 12:00");
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 4, 0), calendar.AddBusinessTime(saturdayNoon, Duration.FromHours(5)));
        Assert.Equal(Instant.FromUtc(2026, 4, 4, 23, 0), calendar.AddBusinessTime(saturdayNoon, Duration.FromHours(6)));
    }

    [Fact]
    public void TryGetWorkingInterval_OpeningInRepeatedHour_TakesEarlierOccurrence()
    {
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Parse("Sun 02:30-04:00"), NoHolidays.Instance);
        Assert.True(calendar.TryGetWorkingInterval(Date("2026-10-25"), out var open, out var close));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), open);  // 02:30 CEST, the first 02:30
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 3, 0), close);  // 04:00 CET
    }

    [Fact]
    public void TryGetWorkingInterval_OpeningInSkippedHour_ShiftsForwardByGap()
    {
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Parse("Sun 02:30-04:00"), NoHolidays.Instance);
        Assert.True(calendar.TryGetWorkingInterval(Date("2026-03-29"), out var open, out var close));
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), open);  // 02:30 does not exist: 03:30 CEST
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 2, 0), close);  // 04:00 CEST
    }

    [Fact]
    public void TryGetWorkingInterval_HoursSwallowedBySkippedHour_IsEmptyAndSkipped()
    {
        // 02:30 → 03:30 CEST (01:30Z) but 03:15 CEST is 01:15Z: the day has no business time.
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Parse("Sun 02:30-03:15"), NoHolidays.Instance);
        Assert.True(calendar.TryGetWorkingInterval(Date("2026-03-29"), out var open, out var close));
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), open);
        Assert.Equal(open, close);
        var saturday = Local("2026-03-28 12:00");
        Assert.Equal(Local("2026-04-05 02:31"), calendar.AddBusinessTime(saturday, Duration.FromMinutes(1)));
        Assert.False(calendar.IsOpen(open));
    }

    [Theory]
    [InlineData("2026-03-29 01:59")]
    [InlineData("2026-03-29 02:00")] // skipped
    [InlineData("2026-03-29 02:30")] // skipped
    [InlineData("2026-03-29 03:00")]
    [InlineData("2026-10-25 01:59")]
    [InlineData("2026-10-25 02:00")] // repeated
    [InlineData("2026-10-25 02:59")] // repeated
    [InlineData("2026-10-25 03:00")]
    [InlineData("2026-03-26 02:30")] // days before the change
    [InlineData("2026-11-16 08:00")]
    public void ToInstant_LocalNearClockChange_MatchesLenientResolver(string local)
    {
        var value = LocalPattern.Parse(local).Value;
        Assert.Equal(Warsaw.ResolveLocal(value, Resolvers.LenientResolver).ToInstant(), Poland.AtLocal(value));
    }

    [Theory]
    [InlineData("2011-12-28 12:00")] // Samoa skipped 30 December 2011 whole (UTC-10 to UTC+14): the days around it
    [InlineData("2011-12-29 12:00")]
    [InlineData("2011-12-29 23:59")]
    [InlineData("2011-12-30 00:00")] // skipped
    [InlineData("2011-12-30 12:00")] // skipped
    [InlineData("2011-12-31 00:00")]
    [InlineData("2011-12-31 12:00")]
    [InlineData("2012-01-01 12:00")]
    [InlineData("2012-01-02 12:00")]
    public void ToInstant_LocalAroundADayLongGap_MatchesLenientResolver(string local)
    {
        var apia = DateTimeZoneProviders.Tzdb["Pacific/Apia"];
        var calendar = new BusinessCalendar(apia, WeeklyHours.Default, NoHolidays.Instance);
        var value = LocalPattern.Parse(local).Value;
        Assert.Equal(apia.ResolveLocal(value, Resolvers.LenientResolver).ToInstant(), calendar.AtLocal(value));
    }

    // ---- BusinessTimeBetween ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-16 08:00", "2026-11-21 00:00", 40)] // a whole working week
    [InlineData("2026-12-21 00:00", "2026-12-28 00:00", 24)] // Christmas week 2026: Mon–Wed only
    [InlineData("2026-11-13 15:00", "2026-11-16 15:00", 8)]
    [InlineData("2026-11-14 00:00", "2026-11-16 00:00", 0)]  // weekend
    [InlineData("2026-11-16 12:00", "2026-11-16 12:00", 0)]
    [InlineData("2026-11-16 12:00", "2026-11-16 11:00", 0)]  // end before start
    public void BusinessTimeBetween_Instants_CountsWorkingHoursOnly(string start, string end, int hours) =>
        Assert.Equal(Duration.FromHours(hours), Poland.BusinessTimeBetween(Local(start), Local(end)));

    // ---- HasElapsed ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(-1, false)] // the minute before the deadline
    [InlineData(0, true)]   // the deadline itself
    [InlineData(1, true)]   // the minute after
    public void HasElapsed_AroundReplySlaDeadline_FlipsExactlyAtDeadline(int minutesFromDeadline, bool expected)
    {
        var opened = Local("2026-11-13 15:00");            // Friday
        var deadline = Instant.FromUtc(2026, 11, 16, 14, 0); // Monday 15:00 CET
        Assert.Equal(deadline, Poland.AddBusinessTime(opened, WorkingDay));
        var now = deadline + Duration.FromMinutes(minutesFromDeadline);
        Assert.Equal(expected, Poland.HasElapsed(opened, now, WorkingDay));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void HasElapsed_AroundDeadlineAcrossClockChange_FlipsExactlyAtDeadline(int minutesFromDeadline, bool expected)
    {
        var opened = Instant.FromUtc(2026, 10, 23, 10, 0);   // Friday 12:00 CEST
        var deadline = Instant.FromUtc(2026, 10, 26, 11, 0); // Monday 12:00 CET
        Assert.Equal(expected, Poland.HasElapsed(opened, deadline + Duration.FromMinutes(minutesFromDeadline), WorkingDay));
    }

    [Fact]
    public void HasElapsed_DeadlineAtClosing_IsNotElapsedUntilClosing()
    {
        var opened = Local("2026-11-16 08:00");
        Assert.False(Poland.HasElapsed(opened, Local("2026-11-16 15:59"), WorkingDay));
        Assert.True(Poland.HasElapsed(opened, Local("2026-11-16 16:00"), WorkingDay));
        Assert.True(Poland.HasElapsed(opened, Local("2026-11-17 07:00"), WorkingDay));
    }

    [Fact]
    public void HasElapsed_ZeroBusinessTime_IsElapsedFromStart()
    {
        var opened = Local("2026-11-14 10:00");
        Assert.True(Poland.HasElapsed(opened, opened, Duration.Zero));
        Assert.False(Poland.HasElapsed(opened, opened - Duration.FromNanoseconds(1), Duration.Zero));
    }

    [Fact]
    public void HasElapsed_NowBeforeStart_IsFalse() =>
        Assert.False(Poland.HasElapsed(Local("2026-11-16 10:00"), Local("2026-11-13 10:00"), WorkingDay));

    [Fact]
    public void HasElapsed_Negative_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Poland.HasElapsed(Local("2026-11-16 10:00"), Local("2026-11-17 10:00"), Duration.FromHours(-1)));
        Assert.Equal("businessTime", ex.ParamName);
    }

    [Fact]
    public void HasElapsed_StartYearsAgo_LooksOnlyAtTheDaysTheDeadlineNeeds()
    {
        var holidays = new CountingHolidays(PolishPublicHolidays.Instance);
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Default, holidays);
        Assert.True(calendar.HasElapsed(Local("2000-01-03 10:00"), Local("2026-11-16 10:00"), WorkingDay));
        Assert.InRange(holidays.Calls, 1, 10);
    }

    [Fact]
    public void HasElapsed_LessWallClockTimeThanBusinessTime_AnswersWithoutWalkingDays()
    {
        var holidays = new CountingHolidays(PolishPublicHolidays.Instance);
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Default, holidays);
        Assert.False(calendar.HasElapsed(Local("2026-11-16 10:00"), Local("2026-11-16 17:59"), WorkingDay));
        Assert.Equal(0, holidays.Calls);
    }

    [Fact]
    public void HasElapsed_AfterWarmUp_DoesNotAllocate()
    {
        var opened = Local("2026-11-13 15:00");
        var now = Local("2026-11-16 15:00");
        Assert.True(Poland.HasElapsed(opened, now, WorkingDay));

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool elapsed = Poland.HasElapsed(opened, now, WorkingDay);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(elapsed);
        Assert.Equal(0, allocated);
    }

    // ---- SubtractBusinessTime -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-16 16:00", 8, "2026-11-16 08:00")] // back to an opening ends at the opening, not the closing before
    [InlineData("2026-11-16 10:00", 8, "2026-11-13 10:00")] // Monday 10:00 → Friday 10:00
    [InlineData("2026-11-16 10:00", 2, "2026-11-16 08:00")]
    [InlineData("2026-11-16 10:00", 3, "2026-11-13 15:00")]
    [InlineData("2026-11-14 10:00", 8, "2026-11-13 08:00")] // from Saturday: counting starts at Friday's closing
    [InlineData("2026-11-16 07:00", 1, "2026-11-13 15:00")] // before hours
    [InlineData("2026-11-16 08:00", 1, "2026-11-13 15:00")] // exactly at opening: nothing accrued yet that day
    [InlineData("2026-11-12 12:00", 8, "2026-11-10 12:00")] // skips Independence Day (Wed 11 Nov)
    [InlineData("2026-12-28 12:00", 8, "2026-12-23 12:00")] // across Christmas
    [InlineData("2026-11-23 10:00", 24, "2026-11-18 10:00")] // three business days before Monday 10:00: Wednesday
    [InlineData("2026-11-20 16:00", 40, "2026-11-16 08:00")] // a working week
    public void SubtractBusinessTime_DefaultHours_CountsBackOnlyWorkingHours(string end, int hours, string expected) =>
        Assert.Equal(Local(expected), Poland.SubtractBusinessTime(Local(end), Duration.FromHours(hours)));

    [Fact]
    public void SubtractBusinessTime_AcrossOctober2026ClockChange_EndsFridayNoonCest()
    {
        var mondayNoon = Local("2026-10-26 12:00"); // CET, UTC+1
        var start = Poland.SubtractBusinessTime(mondayNoon, WorkingDay);
        Assert.Equal(Instant.FromUtc(2026, 10, 23, 10, 0), start); // Friday 12:00 CEST, UTC+2
        Assert.Equal(WorkingDay, Poland.BusinessTimeBetween(start, mondayNoon));
    }

    [Theory]
    [InlineData("2026-11-14 10:00")]
    [InlineData("2026-11-16 10:00")]
    public void SubtractBusinessTime_Zero_ReturnsEndUnchanged(string end) =>
        Assert.Equal(Local(end), Poland.SubtractBusinessTime(Local(end), Duration.Zero));

    [Fact]
    public void SubtractBusinessTime_Negative_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Poland.SubtractBusinessTime(Local("2026-11-16 10:00"), Duration.FromTicks(-1)));
        Assert.Equal("amount", ex.ParamName);
    }

    [Fact]
    public void SubtractBusinessTime_HolidaysEveryDay_ThrowsInsteadOfLoopingForever()
    {
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Default, new EveryDayHoliday());
        var ex = Assert.Throws<InvalidOperationException>(() => calendar.SubtractBusinessTime(Local("2026-11-16 10:00"), WorkingDay));
        Assert.Contains("no business time in 1830 consecutive days from 2026-11-16", ex.Message, StringComparison.Ordinal);
    }

    // ---- a calendar without any business day ----------------------------------------------------------------------

    [Fact]
    public void AddBusinessTime_HolidaysEveryDay_ThrowsInsteadOfLoopingForever()
    {
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Default, new EveryDayHoliday());
        var start = Local("2026-11-16 10:00");
        var ex = Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessTime(start, WorkingDay));
        Assert.Contains("no business time in 1830 consecutive days from 2026-11-16", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => calendar.HasElapsed(start, start + Duration.FromDays(3000), WorkingDay));
        Assert.Throws<InvalidOperationException>(() => calendar.NextBusinessDay(Date("2026-11-16")));
        Assert.Throws<InvalidOperationException>(() => calendar.LegalPeriodEnd(Date("2026-11-16"), 14));
        Assert.False(calendar.HasElapsed(start, start + Duration.FromDays(30), WorkingDay));
        Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(start, start + Duration.FromDays(30)));
    }

    // ---- LegalPeriodEnd ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-09", 14, "2026-11-23")] // delivered Monday: ends Monday 23 Nov, a working day
    [InlineData("2026-11-14", 14, "2026-11-30")] // ends Saturday 28 Nov → Monday 30 Nov
    [InlineData("2026-11-15", 14, "2026-11-30")] // ends Sunday 29 Nov → Monday 30 Nov
    [InlineData("2026-10-28", 14, "2026-11-12")] // ends Wednesday 11 Nov, Independence Day → Thursday
    [InlineData("2026-12-10", 14, "2026-12-28")] // ends Thursday 24 Dec → across Christmas and Sunday to Monday
    [InlineData("2026-12-18", 14, "2027-01-04")] // ends Friday 1 Jan → Monday 4 Jan
    [InlineData("2026-11-16", 0, "2026-11-16")]
    [InlineData("2026-11-16", 30, "2026-12-16")]
    public void LegalPeriodEnd_EventAndDays_EndsOnNextWorkingDayPerCivilCode(string eventDate, int days, string expected) =>
        Assert.Equal(Date(expected), Poland.LegalPeriodEnd(Date(eventDate), days));

    [Fact]
    public void LegalPeriodEnd_ShopOpenOnSaturday_StillMovesOffSaturday()
    {
        var calendar = new BusinessCalendar(Warsaw, WeeklyHours.Parse("Mon-Sat 08:00-16:00"), PolishPublicHolidays.Instance);
        Assert.Equal(Date("2026-11-30"), calendar.LegalPeriodEnd(Date("2026-11-14"), 14));
    }

    [Fact]
    public void LegalPeriodEnd_NegativeDays_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Poland.LegalPeriodEnd(Date("2026-11-16"), -1));
        Assert.Equal("days", ex.ParamName);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static Instant Local(string local) => LocalPattern.Parse(local).Value.InZoneStrictly(Warsaw).ToInstant();

    private sealed class CountingHolidays(IHolidayCalendar inner) : IHolidayCalendar
    {
        public int Calls { get; private set; }

        public string Name => inner.Name;

        public bool IsHoliday(LocalDate day)
        {
            Calls++;
            return inner.IsHoliday(day);
        }
    }

    private sealed class EveryDayHoliday : IHolidayCalendar
    {
        public string Name => "every day";

        public bool IsHoliday(LocalDate day) => true;
    }
}
