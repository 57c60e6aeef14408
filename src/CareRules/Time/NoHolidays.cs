using NodaTime;

namespace CareRules.Time;

/// <summary>
/// A holiday calendar without holidays: only <see cref="WeeklyHours"/> decide which days are worked.
/// Stateless and thread-safe.
/// </summary>
public sealed class NoHolidays : IHolidayCalendar
{
    private NoHolidays()
    {
    }

    /// <summary>The single instance.</summary>
    public static NoHolidays Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "No holidays";

    /// <summary>Always false.</summary>
    /// <param name="day">Any date.</param>
    public bool IsHoliday(LocalDate day) => false;
}
