using CareRules.Time;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Tests.Time;

/// <summary>
/// FsCheck generators for business time, shared by the property tests. Instants are drawn from 2024–2028, half of
/// them on whole or half local hours (so that openings, closings and midnights are hit exactly), and amounts are
/// biased towards whole hours and whole working days.
/// </summary>
public static class TimeArbitraries
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly Instant From = Instant.FromUtc(2024, 1, 1, 0, 0);
    private const int RangeSeconds = 5 * 365 * 24 * 3600;
    private const int RangeDays = 5 * 365;

    /// <summary>
    /// Calendars under test: the Polish default, and custom ones whose hours cross daylight-saving changes
    /// (Warsaw at 02:00/03:00, New York at 02:00, Lord Howe with its 30-minute shift at 02:00).
    /// </summary>
    public static IReadOnlyList<BusinessCalendar> Calendars { get; } =
    [
        BusinessCalendar.Poland,
        new(DateTimeZoneProviders.Tzdb["Europe/Warsaw"], WeeklyHours.Parse("Mon-Fri 08:00-16:00; Sat 09:00-13:00"), PolishPublicHolidays.Instance),
        new(DateTimeZoneProviders.Tzdb["Europe/Warsaw"], WeeklyHours.Parse("Wed 10:00-18:00; Sun 01:30-03:30"), PolishPublicHolidays.Instance),
        new(DateTimeZoneProviders.Tzdb["America/New_York"], WeeklyHours.Parse("Mon-Sat 00:30-23:59"), NoHolidays.Instance),
        new(DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"], WeeklyHours.Parse("Sun 01:00-03:00; Tue 00:00-00:01"), NoHolidays.Instance),
    ];

    public static Gen<BusinessCalendar> Calendar { get; } = Gen.Elements(Calendars.ToArray());

    public static Gen<Instant> InstantFor(BusinessCalendar calendar)
    {
        var anySecond = Gen.Choose(0, RangeSeconds).Select(s => From + Duration.FromSeconds(s));
        var withNanos = anySecond.SelectMany(i => Gen.Choose(0, 999_999_999).Select(n => i + Duration.FromNanoseconds(n)));
        var onLocalHalfHour =
            from day in Gen.Choose(0, RangeDays)
            from halfHour in Gen.Choose(0, 47)
            select new LocalDate(2024, 1, 1).PlusDays(day).At(new LocalTime(halfHour / 2, halfHour % 2 * 30))
                .InZoneLeniently(calendar.Zone).ToInstant();
        return Gen.Frequency((2, anySecond), (1, withNanos), (3, onLocalHalfHour));
    }

    public static Gen<Duration> Amount { get; } = Gen.Frequency(
        (1, Gen.Constant(Duration.Zero)),
        (3, Gen.Choose(1, 80).Select(h => Duration.FromHours(h))),
        (2, Gen.Choose(1, 12).Select(d => Duration.FromHours(8 * d))),
        (4, Gen.Choose(1, 300 * 3600).Select(s => Duration.FromSeconds(s))),
        (1, Gen.Choose(1, 1_000_000).Select(n => Duration.FromNanoseconds(n))));

    public static Arbitrary<SlaCase> SlaCases() =>
        (from calendar in Calendar
         from start in InstantFor(calendar)
         from amount in Amount
         select new SlaCase(calendar, start, amount)).ToArbitrary();

    public static Arbitrary<SlaPair> SlaPairs() =>
        (from calendar in Calendar
         from start in InstantFor(calendar)
         from a in Amount
         from b in Amount
         select new SlaPair(calendar, start, a < b ? a : b, a < b ? b : a)).ToArbitrary();

    public static Arbitrary<ElapsedCase> ElapsedCases()
    {
        var fromDeadline = Gen.Frequency(
            (1, Gen.Elements(
                Duration.Zero,
                Duration.FromNanoseconds(-1),
                Duration.FromNanoseconds(1),
                Duration.FromMinutes(-1),
                Duration.FromMinutes(1))),
            (1, Gen.Choose(-100 * 3600, 100 * 3600).Select(s => Duration.FromSeconds(s))));
        return (from calendar in Calendar
                from start in InstantFor(calendar)
                from amount in Amount
                from delta in fromDeadline
                select new ElapsedCase(calendar, start, amount, delta)).ToArbitrary();
    }

    public static Arbitrary<InstantTriple> InstantTriples() =>
        (from calendar in Calendar
         from a in InstantFor(calendar)
         from firstGap in Gen.Choose(0, 30 * 24 * 3600)
         from secondGap in Gen.Choose(0, 30 * 24 * 3600)
         let b = a + Duration.FromSeconds(firstGap)
         select new InstantTriple(calendar, a, b, b + Duration.FromSeconds(secondGap))).ToArbitrary();

    /// <summary>Local times within four days of an offset transition, in zones with unusual transitions.</summary>
    public static Arbitrary<ZonedLocal> ZonedLocals()
    {
        string[] ids =
        [
            "Europe/Warsaw", "America/New_York", "America/Sao_Paulo", "America/St_Johns", "Australia/Lord_Howe",
            "Pacific/Apia", "Asia/Kolkata", "Europe/London", "Africa/Casablanca", "Antarctica/Troll",
        ];
        return (from id in Gen.Elements(ids)
                let zone = DateTimeZoneProviders.Tzdb[id]
                from seconds in Gen.Choose(0, int.MaxValue)
                let probe = Instant.FromUtc(1970, 1, 1, 0, 0) + Duration.FromSeconds(seconds) // 1970–2038
                let interval = zone.GetZoneInterval(probe)
                let transition = interval.HasStart ? interval.Start : probe
                from minutes in Gen.Choose(-4 * 24 * 60, 4 * 24 * 60)
                select new ZonedLocal(zone, transition.InZone(zone).LocalDateTime.PlusMinutes(minutes))).ToArbitrary();
    }

    public static Arbitrary<DaySchedule> Schedules()
    {
        // Few distinct values, so that equal hours on several days (and ranges in ToString) are common.
        var minute = Gen.Elements(0, 30, 45, 59);
        var time = from h in Gen.Choose(0, 23) from m in minute select new LocalTime(h, m);
        var interval = from a in time from b in time where a != b select a < b ? (a, b) : (b, a);
        return interval.ArrayOf(3)
            .SelectMany(shared => Gen.Frequency(
                (2, Gen.Constant<(LocalTime, LocalTime)?>(null)),
                (3, Gen.Elements(shared).Select(x => ((LocalTime, LocalTime)?)x)),
                (1, interval.Select(x => ((LocalTime, LocalTime)?)x))).ArrayOf(7))
            .Where(days => days.Any(d => d.HasValue))
            .SelectMany(days => Gen.Shuffle(Enumerable.Range(0, 7)).Select(order => Build(days, order)))
            .ToArbitrary();
    }

    private static DaySchedule Build((LocalTime, LocalTime)?[] days, int[] order)
    {
        var parts = order
            .Where(i => days[i].HasValue)
            .Select(i => $"{DayNames[i]} {TimePattern.Format(days[i]!.Value.Item1)}-{TimePattern.Format(days[i]!.Value.Item2)}");
        return new DaySchedule(days, string.Join("; ", parts));
    }

    /// <summary>A business-time sum to check: a calendar, a start and an amount of business time.</summary>
    public sealed record SlaCase(BusinessCalendar Calendar, Instant Start, Duration Amount)
    {
        public override string ToString() => $"[{Calendar}] start {Start} ({Start.InZone(Calendar.Zone)}), amount {Amount}";
    }

    /// <summary>Two amounts (<see cref="Smaller"/> ≤ <see cref="Larger"/>) added to the same start.</summary>
    public sealed record SlaPair(BusinessCalendar Calendar, Instant Start, Duration Smaller, Duration Larger)
    {
        public override string ToString() => $"[{Calendar}] start {Start}, {Smaller} ≤ {Larger}";
    }

    /// <summary>A deadline check: <c>now</c> is the deadline plus <see cref="FromDeadline"/> (possibly negative).</summary>
    public sealed record ElapsedCase(BusinessCalendar Calendar, Instant Start, Duration Amount, Duration FromDeadline)
    {
        public override string ToString() => $"[{Calendar}] start {Start}, amount {Amount}, now = deadline + {FromDeadline}";
    }

    /// <summary>Three ordered instants <c>A ≤ B ≤ C</c> on one calendar.</summary>
    public sealed record InstantTriple(BusinessCalendar Calendar, Instant A, Instant B, Instant C)
    {
        public override string ToString() => $"[{Calendar}] {A} ≤ {B} ≤ {C}";
    }

    /// <summary>A local date and time in a zone, chosen near one of the zone's offset transitions.</summary>
    public sealed record ZonedLocal(DateTimeZone Zone, LocalDateTime Local)
    {
        public override string ToString() => $"{Local} in {Zone.Id}";
    }

    /// <summary>Hours for each ISO weekday (null = closed; at least one open) and the text that lists them one part a day.</summary>
    public sealed record DaySchedule(IReadOnlyList<(LocalTime Open, LocalTime Close)?> Days, string Text)
    {
        public override string ToString() => Text;
    }
}
