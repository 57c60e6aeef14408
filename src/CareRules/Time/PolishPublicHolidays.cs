using System.Collections.ObjectModel;
using NodaTime;

namespace CareRules.Time;

/// <summary>
/// The public holidays of Poland (days free from work under the Act of 18 January 1951 on days free from work,
/// <i>Ustawa o dniach wolnych od pracy</i>, as amended):
/// 1 January New Year's Day; 6 January Epiphany (from 2011); Easter Sunday; Easter Monday; 1 May Labour Day;
/// 3 May Constitution Day; Pentecost Sunday (Easter + 49 days); Corpus Christi (Easter + 60 days);
/// 15 August Assumption; 1 November All Saints' Day; 11 November Independence Day;
/// 24 December Christmas Eve (from 2025); 25 December Christmas Day; 26 December Second Day of Christmas.
/// Sundays in general are days off too, but they are not holidays: working hours decide about them.
/// </summary>
/// <remarks>
/// <para>
/// The current list is applied to every year; only the two amendments that changed it in this century are
/// modelled (Epiphany from 2011, Christmas Eve from 2025). Earlier history (e.g. 22 July under the PRL, or
/// 3 May and 11 November being restored in 1989–1990) is not.
/// </para>
/// <para>
/// <see cref="IsHoliday"/> is allocation-free after warm-up: for the years 1900–2199 it reads a per-year bitmask
/// (366 bits) computed lazily on first use and published thread-safely; other years are computed on the fly
/// (proleptic Gregorian calendar). The type is stateless apart from that cache and is thread-safe.
/// </para>
/// </remarks>
public sealed class PolishPublicHolidays : IHolidayCalendar
{
    /// <summary>The first year for which <see cref="EasterSunday"/> and <see cref="For"/> are defined (the Gregorian reform).</summary>
    public const int MinYear = 1583;

    /// <summary>The last year for which <see cref="EasterSunday"/> and <see cref="For"/> are defined.</summary>
    public const int MaxYear = 9999;

    private const int FirstCachedYear = 1900;
    private const int LastCachedYear = 2199;
    private const int MaskWords = 6; // 6 × 64 = 384 ≥ 366 bits, one per day of the year

    private static readonly Rule[] Rules =
    [
        Rule.Fixed(1, 1, "New Year's Day"),
        Rule.Fixed(1, 6, "Epiphany", firstYear: 2011),
        Rule.Easter(0, "Easter Sunday"),
        Rule.Easter(1, "Easter Monday"),
        Rule.Fixed(5, 1, "Labour Day"),
        Rule.Fixed(5, 3, "Constitution Day"),
        Rule.Easter(49, "Pentecost Sunday"),
        Rule.Easter(60, "Corpus Christi"),
        Rule.Fixed(8, 15, "Assumption"),
        Rule.Fixed(11, 1, "All Saints' Day"),
        Rule.Fixed(11, 11, "Independence Day"),
        Rule.Fixed(12, 24, "Christmas Eve", firstYear: 2025),
        Rule.Fixed(12, 25, "Christmas Day"),
        Rule.Fixed(12, 26, "Second Day of Christmas"),
    ];

    private readonly ulong[]?[] _masks = new ulong[]?[LastCachedYear - FirstCachedYear + 1];

    private PolishPublicHolidays()
    {
    }

    /// <summary>The single instance.</summary>
    public static PolishPublicHolidays Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "Polish public holidays";

    /// <summary>
    /// The date of Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus of Meeus, Jones and
    /// Butcher).
    /// </summary>
    /// <param name="year">A year from <see cref="MinYear"/> (1583) to <see cref="MaxYear"/> (9999).</param>
    /// <returns>The ISO local date of Easter Sunday, between 22 March and 25 April.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1583–9999.</exception>
    public static LocalDate EasterSunday(int year)
    {
        CheckYear(year);
        return ComputeEasterSunday(year);
    }

    /// <summary>All Polish public holidays of a year, sorted by date (14 from 2025 on, 13 in 2011–2024, 12 before).</summary>
    /// <param name="year">A year from <see cref="MinYear"/> (1583) to <see cref="MaxYear"/> (9999).</param>
    /// <returns>A new read-only list of the year's holidays, earliest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1583–9999.</exception>
    public static IReadOnlyList<Holiday> For(int year)
    {
        CheckYear(year);
        var easter = ComputeEasterSunday(year);
        var holidays = new List<Holiday>(Rules.Length);
        foreach (var rule in Rules)
        {
            if (rule.AppliesIn(year))
            {
                holidays.Add(new Holiday(rule.DateIn(year, easter), rule.Name));
            }
        }

        holidays.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return new ReadOnlyCollection<Holiday>(holidays);
    }

    /// <summary>
    /// True when <paramref name="day"/> is a Polish public holiday. Fast and allocation-free after the first call
    /// for a year (see the remarks on the type); never throws. Dates in a non-ISO calendar are converted to ISO
    /// first; years before 1583 use the proleptic Gregorian calendar.
    /// </summary>
    /// <param name="day">The local date.</param>
    public bool IsHoliday(LocalDate day)
    {
        var date = day.Calendar == CalendarSystem.Iso ? day : day.WithCalendar(CalendarSystem.Iso);

        uint index = (uint)(date.Year - FirstCachedYear);
        if (index >= (uint)_masks.Length)
        {
            return IsHolidayByRules(date);
        }

        ulong[] mask = Volatile.Read(ref _masks[index]) ?? BuildMask((int)index);
        int bit = date.DayOfYear - 1;
        return (mask[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    private ulong[] BuildMask(int index)
    {
        int year = FirstCachedYear + index;
        var easter = ComputeEasterSunday(year);
        var mask = new ulong[MaskWords];
        foreach (var rule in Rules)
        {
            if (rule.AppliesIn(year))
            {
                int bit = rule.DateIn(year, easter).DayOfYear - 1;
                mask[bit >> 6] |= 1UL << (bit & 63);
            }
        }

        // Two threads may race to build the same year: both build identical masks and the first one published wins.
        return Interlocked.CompareExchange(ref _masks[index], mask, null) ?? mask;
    }

    private static bool IsHolidayByRules(LocalDate date)
    {
        int year = date.Year;
        int month = date.Month;
        int day = date.Day;
        bool easterSeason = month is >= 3 and <= 6;
        int daysAfterEaster = easterSeason ? date.DayOfYear - ComputeEasterSunday(year).DayOfYear : int.MinValue;
        foreach (var rule in Rules)
        {
            if (!rule.AppliesIn(year))
            {
                continue;
            }

            if (rule.IsEasterBased ? rule.EasterOffset == daysAfterEaster : rule.Month == month && rule.Day == day)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Anonymous Gregorian computus with floor division, so it is defined (proleptically) for any year.</summary>
    private static LocalDate ComputeEasterSunday(int year)
    {
        int a = FloorMod(year, 19);
        int b = FloorDiv(year, 100);
        int c = FloorMod(year, 100);
        int d = FloorDiv(b, 4);
        int e = FloorMod(b, 4);
        int f = FloorDiv(b + 8, 25);
        int g = FloorDiv(b - f + 1, 3);
        int h = FloorMod((19 * a) + b - d - g + 15, 30);
        int i = c / 4;
        int k = c % 4;
        int l = FloorMod(32 + (2 * e) + (2 * i) - h - k, 7);
        int m = (a + (11 * h) + (22 * l)) / 451;
        int n = h + l - (7 * m) + 114;
        return new LocalDate(year, n / 31, (n % 31) + 1);
    }

    private static int FloorDiv(int x, int y)
    {
        int q = x / y;
        return (x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q;
    }

    private static int FloorMod(int x, int y) => x - (FloorDiv(x, y) * y);

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year),
                year,
                $"Polish public holidays are computed for the Gregorian years {MinYear}–{MaxYear}.");
        }
    }

    private readonly record struct Rule(int Month, int Day, bool IsEasterBased, int EasterOffset, int FirstYear, string Name)
    {
        public static Rule Fixed(int month, int day, string name, int firstYear = int.MinValue) =>
            new(month, day, false, 0, firstYear, name);

        public static Rule Easter(int offset, string name) => new(0, 0, true, offset, int.MinValue, name);

        public bool AppliesIn(int year) => year >= FirstYear;

        public LocalDate DateIn(int year, LocalDate easterSunday) =>
            IsEasterBased ? easterSunday.PlusDays(EasterOffset) : new LocalDate(year, Month, Day);
    }
}
