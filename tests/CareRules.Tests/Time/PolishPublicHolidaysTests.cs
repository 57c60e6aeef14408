using CareRules.Time;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Tests.Time;

public sealed class PolishPublicHolidaysTests
{
    private static readonly PolishPublicHolidays Holidays = PolishPublicHolidays.Instance;

    public static TheoryData<int, string[]> ExpectedYears => new()
    {
        {
            2025,
            [
                "2025-01-01 New Year's Day", "2025-01-06 Epiphany", "2025-04-20 Easter Sunday", "2025-04-21 Easter Monday",
                "2025-05-01 Labour Day", "2025-05-03 Constitution Day", "2025-06-08 Pentecost Sunday", "2025-06-19 Corpus Christi",
                "2025-08-15 Assumption", "2025-11-01 All Saints' Day", "2025-11-11 Independence Day", "2025-12-24 Christmas Eve",
                "2025-12-25 Christmas Day", "2025-12-26 Second Day of Christmas",
            ]
        },
        {
            2026,
            [
                "2026-01-01 New Year's Day", "2026-01-06 Epiphany", "2026-04-05 Easter Sunday", "2026-04-06 Easter Monday",
                "2026-05-01 Labour Day", "2026-05-03 Constitution Day", "2026-05-24 Pentecost Sunday", "2026-06-04 Corpus Christi",
                "2026-08-15 Assumption", "2026-11-01 All Saints' Day", "2026-11-11 Independence Day", "2026-12-24 Christmas Eve",
                "2026-12-25 Christmas Day", "2026-12-26 Second Day of Christmas",
            ]
        },
        {
            2027,
            [
                "2027-01-01 New Year's Day", "2027-01-06 Epiphany", "2027-03-28 Easter Sunday", "2027-03-29 Easter Monday",
                "2027-05-01 Labour Day", "2027-05-03 Constitution Day", "2027-05-16 Pentecost Sunday", "2027-05-27 Corpus Christi",
                "2027-08-15 Assumption", "2027-11-01 All Saints' Day", "2027-11-11 Independence Day", "2027-12-24 Christmas Eve",
                "2027-12-25 Christmas Day", "2027-12-26 Second Day of Christmas",
            ]
        },
    };

    public static TheoryData<string> EveryHolidayOf2025To2027
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var row in ExpectedYears)
            {
                foreach (string holiday in (string[])row[1])
                {
                    data.Add(holiday[..10]);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ExpectedYears))]
    public void For_2025To2027_ReturnsEveryHolidayWithExactDateAndName(int year, string[] expected)
    {
        var actual = PolishPublicHolidays.For(year).Select(h => $"{LocalDatePattern.Iso.Format(h.Date)} {h.Name}");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(EveryHolidayOf2025To2027))]
    public void IsHoliday_EveryHolidayOf2025To2027_IsTrue(string date) =>
        Assert.True(Holidays.IsHoliday(Date(date)));

    [Theory]
    [InlineData("2024-12-24", false)] // Christmas Eve became a holiday in 2025
    [InlineData("2025-12-24", true)]
    [InlineData("2026-12-24", true)]
    [InlineData("2010-01-06", false)] // Epiphany was restored in 2011
    [InlineData("2011-01-06", true)]
    [InlineData("2026-11-15", false)] // an ordinary Sunday is a day off but not a holiday
    [InlineData("2026-11-10", false)] // the eve of Independence Day
    [InlineData("2026-04-07", false)] // the Tuesday after Easter
    [InlineData("2026-12-27", false)]
    [InlineData("2026-12-31", false)]
    public void IsHoliday_AmendmentsAndOrdinaryDays_MatchesTheAct(string date, bool expected) =>
        Assert.Equal(expected, Holidays.IsHoliday(Date(date)));

    [Theory]
    [InlineData(2010, 12)]
    [InlineData(2011, 13)]
    [InlineData(2024, 13)]
    [InlineData(2025, 14)]
    [InlineData(2100, 14)]
    public void For_Year_CountsHolidaysOfThatYearsLaw(int year, int count) =>
        Assert.Equal(count, PolishPublicHolidays.For(year).Count);

    [Theory]
    [InlineData(1583, "1583-04-10")]
    [InlineData(1818, "1818-03-22")] // earliest possible
    [InlineData(1943, "1943-04-25")] // latest possible
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    [InlineData(9999, "9999-03-28")]
    public void EasterSunday_KnownYear_ReturnsKnownDate(int year, string expected) =>
        Assert.Equal(Date(expected), PolishPublicHolidays.EasterSunday(year));

    [Fact]
    public void EasterSunday_EveryYear1583To9999_MatchesGaussAlgorithm()
    {
        for (int year = PolishPublicHolidays.MinYear; year <= PolishPublicHolidays.MaxYear; year++)
        {
            var easter = PolishPublicHolidays.EasterSunday(year);
            Assert.True(GaussEaster(year) == easter, $"Easter {year}: expected {GaussEaster(year)}, was {easter}");
            Assert.Equal(IsoDayOfWeek.Sunday, easter.DayOfWeek);
        }
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    [InlineData(-1)]
    public void EasterSunday_YearOutsideGregorianRange_Throws(int year)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PolishPublicHolidays.EasterSunday(year));
        Assert.Equal("year", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => PolishPublicHolidays.For(year));
    }

    [Theory]
    [InlineData(1583)]
    [InlineData(1899)] // the last year computed on the fly before the cached range
    [InlineData(1900)]
    [InlineData(1950)]
    [InlineData(2199)]
    [InlineData(2200)] // the first year computed on the fly after the cached range
    [InlineData(9999)]
    public void IsHoliday_EveryDayOfYear_AgreesWithFor(int year)
    {
        var expected = PolishPublicHolidays.For(year).Select(h => h.Date).ToHashSet();
        var first = new LocalDate(year, 1, 1);
        int daysInYear = CalendarSystem.Iso.GetDaysInYear(year);
        for (int i = 0; i < daysInYear; i++)
        {
            var date = first.PlusDays(i);
            Assert.True(expected.Contains(date) == Holidays.IsHoliday(date), $"{date}");
        }
    }

    [Fact]
    public void For_AnyYear_IsSortedAndHasNoDuplicateDates()
    {
        for (int year = 1900; year <= 2200; year++)
        {
            var dates = PolishPublicHolidays.For(year).Select(h => h.Date).ToList();
            Assert.Equal(dates.Order(), dates);
            Assert.Equal(dates.Count, dates.Distinct().Count());
        }
    }

    [Fact]
    public void IsHoliday_DateInJulianCalendar_ConvertsToIso()
    {
        var julian = new LocalDate(2026, 10, 29, CalendarSystem.Julian); // = 11 November 2026 (ISO)
        Assert.Equal(Date("2026-11-11"), julian.WithCalendar(CalendarSystem.Iso));
        Assert.True(Holidays.IsHoliday(julian));
    }

    [Theory]
    [InlineData(1000, 12, 25, true)]
    [InlineData(-5, 1, 1, true)]
    [InlineData(-5, 1, 2, false)]
    [InlineData(-9998, 5, 3, true)]
    public void IsHoliday_YearBeforeGregorianReform_UsesProlepticCalendarAndDoesNotThrow(int year, int month, int day, bool expected) =>
        Assert.Equal(expected, Holidays.IsHoliday(new LocalDate(year, month, day)));

    [Fact]
    public void IsHoliday_YearBeforeGregorianReform_FindsProlepticEaster()
    {
        // The computus is defined for any year with floor division; check it lands on a Sunday in Mar/Apr.
        for (int year = -400; year < 1583; year += 7)
        {
            var days = Enumerable.Range(0, 60).Select(i => new LocalDate(year, 3, 15).PlusDays(i));
            var easterLike = days.Where(d => Holidays.IsHoliday(d) && Holidays.IsHoliday(d.PlusDays(1))).ToList();
            var sunday = Assert.Single(easterLike);
            Assert.Equal(IsoDayOfWeek.Sunday, sunday.DayOfWeek);
        }
    }

    [Fact]
    public void IsHoliday_AfterWarmUp_DoesNotAllocate()
    {
        var inCache = Date("2026-11-11");
        var outsideCache = Date("2300-05-01");
        Run(); // warm-up: builds the 2026 and 2027 masks, JIT-compiles

        long before = GC.GetAllocatedBytesForCurrentThread();
        int count = Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(count > 0);
        Assert.Equal(0, allocated);

        int Run()
        {
            int holidays = 0;
            for (int i = 0; i < 1000; i++)
            {
                holidays += Holidays.IsHoliday(inCache.PlusDays(i % 300)) ? 1 : 0;
                holidays += Holidays.IsHoliday(outsideCache.PlusDays(i % 60)) ? 1 : 0;
            }

            return holidays;
        }
    }

    [Fact]
    public void IsHoliday_ManyThreadsWarmingTheCache_AgreeWithFor()
    {
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 64, i =>
        {
            int year = 1900 + ((i * 37) % 300);
            var expected = PolishPublicHolidays.For(year).Select(h => h.Date).ToHashSet();
            for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
            {
                if (expected.Contains(date) != Holidays.IsHoliday(date))
                {
                    errors.Add(date.ToString());
                }
            }
        });
        Assert.Empty(errors);
    }

    [Fact]
    public void Name_IsDescriptive() => Assert.Equal("Polish public holidays", Holidays.Name);

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    /// <summary>An independent oracle: Gauss's Easter algorithm with the Gregorian exceptions.</summary>
    private static LocalDate GaussEaster(int year)
    {
        int a = year % 19, b = year % 4, c = year % 7, k = year / 100;
        int p = (13 + (8 * k)) / 25, q = k / 4;
        int m = (15 - p + k - q) % 30, n = (4 + k - q) % 7;
        int d = ((19 * a) + m) % 30, e = ((2 * b) + (4 * c) + (6 * d) + n) % 7;
        if (d == 29 && e == 6)
        {
            return new LocalDate(year, 4, 19);
        }

        if (d == 28 && e == 6 && ((11 * m) + 11) % 30 < 19)
        {
            return new LocalDate(year, 4, 18);
        }

        return new LocalDate(year, 3, 22).PlusDays(d + e);
    }
}
