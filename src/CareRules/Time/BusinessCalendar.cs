using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace CareRules.Time;

/// <summary>
/// Business-time arithmetic for a shop: its time zone, its <see cref="WeeklyHours"/> and its
/// <see cref="IHolidayCalendar"/>. Used for reply SLAs ("1 business day = 8 business hours"), due-by instants and
/// statutory periods.
/// </summary>
/// <remarks>
/// <para>
/// <b>Working hours.</b> A <i>business day</i> is a local date in <see cref="Zone"/> on whose weekday
/// <see cref="Hours"/> has hours and which is not a holiday of <see cref="Holidays"/>. Its working interval runs
/// from the opening to the closing wall-clock time of that weekday, converted to instants in <see cref="Zone"/>
/// with NodaTime's <see cref="Resolvers.LenientResolver"/>: a local time skipped by a daylight-saving gap is moved
/// forward by the length of the gap, an ambiguous local time (repeated when clocks go back) takes its earlier
/// occurrence. Durations are measured in elapsed time, so on a day when clocks change, hours that span the change
/// are an hour shorter or longer. (Europe/Warsaw changes at 02:00/03:00, so 08:00–16:00 is never affected.)
/// The interval is half-open: the shop is open at the opening instant and closed at the closing instant.
/// </para>
/// <para>
/// <b>Business time</b> is elapsed time inside working intervals. <see cref="AddBusinessTime"/> and
/// <see cref="BusinessTimeBetween"/> are exact inverses of each other (to the nanosecond).
/// </para>
/// <para>
/// <b>Thread safety.</b> Instances are immutable and thread-safe, as long as the holiday calendar is (the shipped
/// ones are); one instance can be shared by all evaluations.
/// </para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>
    /// How many consecutive days without business time a search may cross before it concludes that the calendar
    /// has no business day at all (the holidays cover every open weekday) and throws.
    /// </summary>
    public const int MaxDaysWithoutBusinessTime = 366 * 5;


    /// <summary>Creates a business calendar.</summary>
    /// <param name="zone">The shop's time zone, in which working hours and local dates are read.</param>
    /// <param name="hours">The working hours per weekday.</param>
    /// <param name="holidays">The days off on top of the closed weekdays.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BusinessCalendar(DateTimeZone zone, WeeklyHours hours, IHolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(holidays);
        Zone = zone;
        Hours = hours;
        Holidays = holidays;
    }

    /// <summary>
    /// The Polish default: <c>Europe/Warsaw</c> (from <see cref="DateTimeZoneProviders.Tzdb"/>),
    /// <see cref="WeeklyHours.Default"/> (Mon–Fri 08:00–16:00) and <see cref="PolishPublicHolidays"/>.
    /// </summary>
    public static BusinessCalendar Poland { get; } =
        new(DateTimeZoneProviders.Tzdb["Europe/Warsaw"], WeeklyHours.Default, PolishPublicHolidays.Instance);

    /// <summary>The shop's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The working hours per weekday, as local wall-clock times in <see cref="Zone"/>.</summary>
    public WeeklyHours Hours { get; }

    /// <summary>The holidays on which the shop does not work.</summary>
    public IHolidayCalendar Holidays { get; }

    /// <summary>The shop's local date at an instant.</summary>
    /// <param name="instant">An instant.</param>
    public LocalDate LocalDate(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>True when the shop has hours on that weekday and the date is not a holiday.</summary>
    /// <param name="date">A local date.</param>
    public bool IsBusinessDay(LocalDate date) => Hours.IsOpenOn(date.DayOfWeek) && !Holidays.IsHoliday(date);

    /// <summary>
    /// The working interval of a date: the instants at which the shop opens and closes that day
    /// (see the remarks on the type for how local times are resolved).
    /// </summary>
    /// <param name="date">A local date.</param>
    /// <param name="open">The opening instant, or <see langword="default"/> when not a business day.</param>
    /// <param name="close">
    /// The closing instant, never before <paramref name="open"/> (in the pathological case of hours that open in a
    /// daylight-saving gap and close within the gap's length after it, the day is empty), or
    /// <see langword="default"/> when not a business day.
    /// </param>
    /// <returns>False when <paramref name="date"/> is not a business day.</returns>
    public bool TryGetWorkingInterval(LocalDate date, out Instant open, out Instant close)
    {
        if (!Hours.TryGetHours(date.DayOfWeek, out var openTime, out var closeTime) || Holidays.IsHoliday(date))
        {
            open = default;
            close = default;
            return false;
        }

        open = AtLocal(date.At(openTime));
        close = AtLocal(date.At(closeTime));
        if (close < open)
        {
            close = open;
        }

        return true;
    }

    /// <summary>True when <paramref name="instant"/> is inside the working interval of a business day (opening inclusive, closing exclusive).</summary>
    /// <param name="instant">An instant.</param>
    public bool IsOpen(Instant instant)
    {
        var date = LocalDate(instant);
        return IsInWorkingInterval(date, instant)
            || IsInWorkingInterval(date.PlusDays(-1), instant)
            || IsInWorkingInterval(date.PlusDays(1), instant);
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of business time has been counted from
    /// <paramref name="start"/>.
    /// </summary>
    /// <remarks>
    /// Business time is counted only inside working intervals of business days; when <paramref name="start"/> is
    /// outside them, counting starts at the next opening. Adding exactly the rest of a day ends <i>at</i> closing
    /// time, not at the next opening (Mon 08:00 + 8 h = Mon 16:00); a zero amount returns <paramref name="start"/>
    /// unchanged, even outside working hours. Examples with the default hours: Fri 15:00 + 8 h = Mon 15:00;
    /// Sat 10:00 + 8 h = Mon 16:00. For an amount above zero the result <c>r</c> always satisfies
    /// <c>open &lt; r ≤ close</c> for the working interval of some business day, and <c>r &gt; start</c>.
    /// Walks day by day only as far as the amount needs.
    /// </remarks>
    /// <param name="start">Where counting starts.</param>
    /// <param name="amount">The business time to add; not negative.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">
    /// The calendar has no business time for <see cref="MaxDaysWithoutBusinessTime"/> consecutive days (its holidays
    /// cover every open weekday).
    /// </exception>
    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        CheckNotNegative(amount, nameof(amount));
        if (amount == Duration.Zero)
        {
            return start;
        }

        // Start a day early: a working interval may end after midnight in local time (lenient resolution).
        var date = LocalDate(start).PlusDays(-1);
        var cursor = start;
        var remaining = amount;
        int idleDays = 0;
        while (true)
        {
            if (TryGetWorkingInterval(date, out var open, out var close))
            {
                var from = open > cursor ? open : cursor;
                if (from < close)
                {
                    var available = close - from;
                    if (remaining <= available)
                    {
                        return from + remaining;
                    }

                    remaining -= available;
                    cursor = close;
                    idleDays = 0;
                    date = date.PlusDays(1);
                    continue;
                }
            }

            CheckIdle(++idleDays, start);
            date = date.PlusDays(1);
        }
    }

    /// <summary>
    /// The instant from which <paramref name="amount"/> of business time ends at <paramref name="end"/>: the mirror of
    /// <see cref="AddBusinessTime"/>, counting backwards ("opened 3 business days ago").
    /// </summary>
    /// <remarks>
    /// Business time is counted back only inside working intervals; when <paramref name="end"/> is outside them,
    /// counting starts at the previous closing. Subtracting exactly back to an opening ends <i>at</i> the opening,
    /// not at the previous closing (Mon 16:00 − 8 h = Mon 08:00); a zero amount returns <paramref name="end"/>
    /// unchanged. Examples with the default hours: Mon 10:00 − 8 h = Fri 10:00; Sat 10:00 − 8 h = Fri 08:00. For an
    /// amount above zero the result <c>r</c> satisfies <c>open ≤ r &lt; close</c> for the working interval of some
    /// business day, <c>r &lt; end</c>, and <c>BusinessTimeBetween(r, end) == amount</c> — it is the latest instant
    /// with that property. So <c>AddBusinessTime(SubtractBusinessTime(e, d), d) == e</c> when <c>e</c> is inside
    /// working hours or exactly at a closing, and <c>SubtractBusinessTime(AddBusinessTime(s, d), d) == s</c> when
    /// <c>s</c> is inside working hours. Walks day by day only as far as the amount needs.
    /// </remarks>
    /// <param name="end">Where counting back starts.</param>
    /// <param name="amount">The business time to subtract; not negative.</param>
    /// <returns>The start.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">As for <see cref="AddBusinessTime"/>.</exception>
    public Instant SubtractBusinessTime(Instant end, Duration amount)
    {
        CheckNotNegative(amount, nameof(amount));
        if (amount == Duration.Zero)
        {
            return end;
        }

        // Start a day late: a working interval may begin before midnight in local time (lenient resolution).
        var date = LocalDate(end).PlusDays(1);
        var cursor = end;
        var remaining = amount;
        int idleDays = 0;
        while (true)
        {
            if (TryGetWorkingInterval(date, out var open, out var close))
            {
                var to = close < cursor ? close : cursor;
                if (open < to)
                {
                    var available = to - open;
                    if (remaining <= available)
                    {
                        return to - remaining;
                    }

                    remaining -= available;
                    cursor = open;
                    idleDays = 0;
                    date = date.PlusDays(-1);
                    continue;
                }
            }

            CheckIdle(++idleDays, end);
            date = date.PlusDays(-1);
        }
    }

    /// <summary>
    /// The business time between two instants: the elapsed time from <paramref name="start"/> to
    /// <paramref name="end"/> that lies inside working intervals; <see cref="Duration.Zero"/> when
    /// <paramref name="end"/> is not after <paramref name="start"/>. Consistent with
    /// <see cref="AddBusinessTime"/>: <c>BusinessTimeBetween(s, AddBusinessTime(s, d)) == d</c> for every
    /// <c>s</c> and every <c>d ≥ 0</c>. Walks every day from start to end.
    /// </summary>
    /// <param name="start">The earlier instant.</param>
    /// <param name="end">The later instant.</param>
    public Duration BusinessTimeBetween(Instant start, Instant end)
    {
        if (end <= start)
        {
            return Duration.Zero;
        }

        var total = Duration.Zero;
        var cursor = start;
        var last = LocalDate(end).PlusDays(1);
        for (var date = LocalDate(start).PlusDays(-1); date <= last; date = date.PlusDays(1))
        {
            if (TryGetWorkingInterval(date, out var open, out var close))
            {
                var from = open > cursor ? open : cursor;
                var to = close < end ? close : end;
                if (from < to)
                {
                    total += to - from;
                }

                if (close > cursor)
                {
                    cursor = close;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// True when <paramref name="businessTime"/> of business time has elapsed between <paramref name="start"/>
    /// and <paramref name="now"/>, i.e. <c>now ≥ AddBusinessTime(start, businessTime)</c> (so the deadline instant
    /// itself counts as elapsed). Short-circuits: returns false at once when less wall-clock time than
    /// <paramref name="businessTime"/> has passed, and otherwise walks only as many days as the deadline or
    /// <paramref name="now"/> needs, whichever comes first — never the years between an old start and now.
    /// </summary>
    /// <param name="start">Where counting starts (e.g. when a case was opened).</param>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="businessTime">The business time allowed (e.g. the reply SLA); not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">As for <see cref="AddBusinessTime"/>.</exception>
    public bool HasElapsed(Instant start, Instant now, Duration businessTime)
    {
        CheckNotNegative(businessTime, nameof(businessTime));
        if (businessTime == Duration.Zero)
        {
            return now >= start;
        }

        if (now <= start || now - start < businessTime)
        {
            return false;
        }

        // The same walk as AddBusinessTime, stopped as soon as the answer is known.
        var date = LocalDate(start).PlusDays(-1);
        var last = LocalDate(now).PlusDays(1);
        var cursor = start;
        var remaining = businessTime;
        int idleDays = 0;
        for (; date <= last; date = date.PlusDays(1))
        {
            if (TryGetWorkingInterval(date, out var open, out var close))
            {
                var from = open > cursor ? open : cursor;
                if (from < close)
                {
                    if (from >= now)
                    {
                        return false;
                    }

                    var available = close - from;
                    if (remaining <= available)
                    {
                        return now >= from + remaining;
                    }

                    remaining -= available;
                    cursor = close;
                    idleDays = 0;
                    continue;
                }
            }

            CheckIdle(++idleDays, start);
        }

        return false;
    }

    /// <summary>The first business day strictly after <paramref name="date"/>.</summary>
    /// <param name="date">A local date.</param>
    /// <exception cref="InvalidOperationException">
    /// No business day within <see cref="MaxDaysWithoutBusinessTime"/> days.
    /// </exception>
    public LocalDate NextBusinessDay(LocalDate date)
    {
        for (int i = 1; i <= MaxDaysWithoutBusinessTime; i++)
        {
            var candidate = date.PlusDays(i);
            if (IsBusinessDay(candidate))
            {
                return candidate;
            }
        }

        throw NoBusinessDay(date);
    }

    /// <summary>The instant the local date starts in <see cref="Zone"/> (as <see cref="DateTimeZone.AtStartOfDay"/>: usually midnight); allocation-free.</summary>
    /// <param name="date">A local date.</param>
    public Instant StartOfDay(LocalDate date) => AtLocal(date.AtMidnight());

    /// <summary>
    /// The last day of a statutory period of <paramref name="days"/> calendar days that starts with an event
    /// (e.g. the 14-day withdrawal period from delivery). The period ends at the end of the returned day.
    /// </summary>
    /// <remarks>
    /// Per the Polish Civil Code, art. 111 § 2, the day of the event is not counted, so the period ends at the end
    /// of <c>eventDate + days</c>. Per art. 115 (and, for EU law, art. 3(4) of Regulation (EEC, Euratom)
    /// No 1182/71), when that day is a Saturday, a Sunday or a public holiday (<see cref="Holidays"/>), the period
    /// ends on the next day that is none of those. This is independent of <see cref="Hours"/>: a shop that works on
    /// Saturdays does not shorten a statutory period.
    /// </remarks>
    /// <param name="eventDate">The local date of the event (delivery, withdrawal, complaint…).</param>
    /// <param name="days">The length of the period in days; not negative.</param>
    /// <returns>The last day of the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">
    /// The holiday calendar leaves no working day within <see cref="MaxDaysWithoutBusinessTime"/> days.
    /// </exception>
    public LocalDate LegalPeriodEnd(LocalDate eventDate, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var end = eventDate.PlusDays(days);
        for (int i = 0; i <= MaxDaysWithoutBusinessTime; i++)
        {
            if (end.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !Holidays.IsHoliday(end))
            {
                return end;
            }

            end = end.PlusDays(1);
        }

        throw NoBusinessDay(eventDate.PlusDays(days));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Zone.Id}, {Hours}, {Holidays.Name}";

    /// <summary>
    /// More than the largest difference of two UTC offsets (offsets lie within ±18 hours): a local time read with one
    /// interval's offset that lands this far inside that interval cannot be read into any other interval.
    /// </summary>
    private static readonly Duration UnambiguousMargin = Duration.FromHours(37);

    /// <summary>
    /// Maps a local date and time in <see cref="Zone"/> to an instant exactly as <see cref="Resolvers.LenientResolver"/>
    /// does (an ambiguous time takes the earlier instant; a time skipped by a gap is shifted forward by the gap's
    /// length), without allocating: it reads the zone's cached intervals around the time instead of building a mapping.
    /// </summary>
    public Instant AtLocal(LocalDateTime local)
    {
        var asUtc = local.InUtc().ToInstant();
        var here = Zone.GetZoneInterval(asUtc);

        // Nearly every time is far from any clock change: when reading it with this interval's offset lands more than
        // the largest possible offset difference inside the interval, no other interval can hold it, so it is the
        // only (hence the lenient) answer, found with one interval lookup instead of three.
        var candidate = asUtc - Span(here);
        if ((!here.HasStart || candidate - here.Start >= UnambiguousMargin) && (!here.HasEnd || here.End - candidate >= UnambiguousMargin))
        {
            return candidate;
        }

        var before = here.HasStart ? Zone.GetZoneInterval(here.Start - Duration.Epsilon) : null;
        var after = here.HasEnd ? Zone.GetZoneInterval(here.End) : null;

        // Earliest interval first: the first that contains the candidate instant wins (lenient: earlier of two).
        if (before is not null && Contains(before, asUtc - Span(before)))
        {
            return asUtc - Span(before);
        }

        if (Contains(here, asUtc - Span(here)))
        {
            return asUtc - Span(here);
        }

        if (after is not null && Contains(after, asUtc - Span(after)))
        {
            return asUtc - Span(after);
        }

        // In a gap: shift forward by the gap, i.e. read the local time with the offset in force before the gap.
        var gapStart = before is not null && asUtc - Span(here) < here.Start ? before : here;
        return asUtc - Span(gapStart);

        static bool Contains(ZoneInterval interval, Instant instant) =>
            (!interval.HasStart || instant >= interval.Start) && (!interval.HasEnd || instant < interval.End);

        static Duration Span(ZoneInterval interval) => Duration.FromSeconds(interval.WallOffset.Seconds);
    }

    /// <summary>The same local wall-clock time <paramref name="days"/> calendar days later (or earlier) in <see cref="Zone"/>; DST-correct and allocation-free.</summary>
    public Instant PlusLocalDays(Instant instant, int days) =>
        AtLocal(instant.InZone(Zone).LocalDateTime.PlusDays(days));

    /// <summary>The end of a local date in <see cref="Zone"/>: the instant the next day starts.</summary>
    public Instant EndOfDay(LocalDate date) => StartOfDay(date.PlusDays(1));

    private bool IsInWorkingInterval(LocalDate date, Instant instant) =>
        TryGetWorkingInterval(date, out var open, out var close) && open <= instant && instant < close;

    private void CheckIdle(int idleDays, Instant start)
    {
        if (idleDays > MaxDaysWithoutBusinessTime)
        {
            throw NoBusinessDay(LocalDate(start));
        }
    }

    private InvalidOperationException NoBusinessDay(LocalDate from) =>
        new($"The business calendar ({this}) has no business time in {MaxDaysWithoutBusinessTime} consecutive days from "
            + $"{from.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}: its holidays cover every open weekday.");

    private static void CheckNotNegative(Duration duration, string paramName)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, duration, "Business time must not be negative.");
        }
    }
}
