using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Tests.Time;

/// <summary>FsCheck generators for the time types, shared by the property tests.</summary>
public static class TimeArbitraries
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

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

    /// <summary>Hours for each ISO weekday (null = closed; at least one open) and the text that lists them one part a day.</summary>
    public sealed record DaySchedule(IReadOnlyList<(LocalTime Open, LocalTime Close)?> Days, string Text)
    {
        public override string ToString() => Text;
    }
}
