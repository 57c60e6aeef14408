using NodaTime;
using NodaTime.Calendars;

namespace CareRules.Backtesting;

/// <summary>The cases of one ISO week (Monday to Sunday) of their <c>now</c>, in the baseline pack's time zone. Immutable.</summary>
/// <param name="Monday">The week's Monday.</param>
/// <param name="Cases">The cases evaluated whose <c>now</c> falls in the week.</param>
/// <param name="Goodwill">Their goodwill under each pack.</param>
public sealed record BacktestWeek(LocalDate Monday, long Cases, BacktestAmount Goodwill)
{
    /// <summary>The ISO week-based year of the week (the year of its Thursday).</summary>
    public int WeekYear => WeekYearRules.Iso.GetWeekYear(Monday);

    /// <summary>The ISO week number, 1–53.</summary>
    public int Week => WeekYearRules.Iso.GetWeekOfWeekYear(Monday);
}
