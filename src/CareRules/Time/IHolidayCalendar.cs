using NodaTime;

namespace CareRules.Time;

/// <summary>
/// A set of days on which a shop does not work even though its <see cref="WeeklyHours"/> would have it open
/// (public holidays). Implementations must be thread-safe, and <see cref="IsHoliday"/> should be fast and
/// allocation-free: it is called on the evaluation hot path, once per day that business time is counted over.
/// </summary>
public interface IHolidayCalendar
{
    /// <summary>A short human-readable name for the calendar, used in diagnostics and traces.</summary>
    string Name { get; }

    /// <summary>True when <paramref name="day"/> (a local date in the shop's time zone) is a holiday.</summary>
    /// <param name="day">The local date; any calendar system.</param>
    /// <remarks>The parameter is not called <c>date</c>, a Visual Basic keyword, so that every .NET language can implement it.</remarks>
    bool IsHoliday(LocalDate day);
}
