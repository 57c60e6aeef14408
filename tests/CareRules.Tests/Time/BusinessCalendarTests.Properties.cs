using CareRules.Time;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.TimeZones;

namespace CareRules.Tests.Time;

/// <summary>Properties of business-time arithmetic, over the calendars and instants of <see cref="TimeArbitraries"/>.</summary>
public sealed partial class BusinessCalendarTests
{
    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 500)]
    public Property BusinessTimeBetween_StartAndAddBusinessTime_ReturnsTheAmount(TimeArbitraries.SlaCase c)
    {
        var end = c.Calendar.AddBusinessTime(c.Start, c.Amount);
        var between = c.Calendar.BusinessTimeBetween(c.Start, end);
        return (between == c.Amount).Label($"deadline {end}, business time between {between}");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 300)]
    public Property AddBusinessTime_LargerAmount_NeverEndsEarlier(TimeArbitraries.SlaPair p)
    {
        var small = p.Calendar.AddBusinessTime(p.Start, p.Smaller);
        var large = p.Calendar.AddBusinessTime(p.Start, p.Larger);
        return (small <= large).Label($"{small} > {large}");
    }

    /// <summary>
    /// For d &gt; 0 the deadline r = AddBusinessTime(s, d) is strictly after s and lies in the working interval
    /// [open, close) of a business day or exactly on its closing instant — precisely: open &lt; r ≤ close. So r is
    /// never outside working hours except exactly at a closing time, and never exactly at an opening.
    /// </summary>
    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 500)]
    public Property AddBusinessTime_PositiveAmount_EndsInsideWorkingHoursOrExactlyAtClosing(TimeArbitraries.SlaCase c)
    {
        if (c.Amount == Duration.Zero)
        {
            return Prop.ToProperty(true);
        }

        var calendar = c.Calendar;
        var r = calendar.AddBusinessTime(c.Start, c.Amount);
        var date = calendar.LocalDate(r);
        bool inside = false;
        foreach (var day in new[] { date.PlusDays(-1), date })
        {
            if (calendar.TryGetWorkingInterval(day, out var open, out var close) && open < r && r <= close)
            {
                inside = true;
            }
        }

        bool openJustBefore = calendar.IsOpen(r - Duration.FromNanoseconds(1));
        return (inside && openJustBefore && r > c.Start).Label($"deadline {r} ({r.InZone(calendar.Zone)})");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 500)]
    public Property HasElapsed_AnyNow_AgreesWithAddBusinessTime(TimeArbitraries.ElapsedCase c)
    {
        var deadline = c.Calendar.AddBusinessTime(c.Start, c.Amount);
        var now = deadline + c.FromDeadline;
        bool elapsed = c.Calendar.HasElapsed(c.Start, now, c.Amount);
        return (elapsed == (now >= deadline)).Label($"deadline {deadline}, now {now}, HasElapsed {elapsed}");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 500)]
    public Property SubtractBusinessTime_AnyEnd_LeavesTheAmountBetweenAndIsTheLatestSuchStart(TimeArbitraries.SlaCase c)
    {
        var calendar = c.Calendar;
        var end = c.Start;
        var r = calendar.SubtractBusinessTime(end, c.Amount);
        var between = calendar.BusinessTimeBetween(r, end);
        if (c.Amount == Duration.Zero)
        {
            return (r == end).Label($"start {r}");
        }

        // Latest: one nanosecond later, less business time is left, because r is inside working hours.
        bool latest = calendar.IsOpen(r) && calendar.BusinessTimeBetween(r + Duration.FromNanoseconds(1), end) < c.Amount;
        return (between == c.Amount && r < end && latest).Label($"start {r} ({r.InZone(calendar.Zone)}), business time between {between}");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 500)]
    public Property SubtractBusinessTime_OfAddBusinessTime_ReturnsAStartInsideWorkingHours(TimeArbitraries.SlaCase c)
    {
        var calendar = c.Calendar;
        var deadline = calendar.AddBusinessTime(c.Start, c.Amount);
        var back = calendar.SubtractBusinessTime(deadline, c.Amount);
        bool expectExact = c.Amount == Duration.Zero || calendar.IsOpen(c.Start);
        bool roundTrip = calendar.AddBusinessTime(back, c.Amount) == deadline;
        return ((!expectExact || back == c.Start) && roundTrip).Label($"deadline {deadline}, back {back}");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 300)]
    public Property BusinessTimeBetween_SplitAtAnyInstant_AddsUp(TimeArbitraries.InstantTriple t)
    {
        var calendar = t.Calendar;
        var whole = calendar.BusinessTimeBetween(t.A, t.C);
        var parts = calendar.BusinessTimeBetween(t.A, t.B) + calendar.BusinessTimeBetween(t.B, t.C);
        return (whole == parts && whole <= t.C - t.A).Label($"whole {whole}, parts {parts}");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 300)]
    public Property IsOpen_AnyInstant_MeansBusinessTimeAccruesRightAfter(TimeArbitraries.SlaCase c)
    {
        var calendar = c.Calendar;
        var tick = Duration.FromNanoseconds(1);
        bool open = calendar.IsOpen(c.Start);
        var accrued = calendar.BusinessTimeBetween(c.Start, c.Start + tick);
        return (open == (accrued == tick)).Label($"IsOpen {open}, accrued {accrued}");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 1000)]
    public Property ToInstant_LocalNearAnyTransition_MatchesLenientResolver(TimeArbitraries.ZonedLocal z)
    {
        var calendar = new BusinessCalendar(z.Zone, WeeklyHours.Default, NoHolidays.Instance);
        var expected = z.Zone.ResolveLocal(z.Local, Resolvers.LenientResolver).ToInstant();
        var actual = calendar.AtLocal(z.Local);
        return (expected == actual).Label($"expected {expected}, was {actual}");
    }
}
