using NodaTime;
using NodaTime.Text;

namespace CareRules.Testing;

/// <summary>
/// A clock stopped at one instant, for code under test that reads an <see cref="IClock"/> (a case file without
/// <c>now</c>, a shop's own service). Immutable and thread-safe, so one clock can serve tests running in parallel;
/// for time that moves during a test, use NodaTime.Testing's <c>FakeClock</c>.
/// </summary>
/// <param name="now">The instant the clock always returns.</param>
public sealed class FixedClock(Instant now) : IClock
{
    /// <summary>The instant the clock always returns.</summary>
    public Instant Now { get; } = now;

    /// <summary>A clock stopped at a UTC date and time.</summary>
    public static FixedClock AtUtc(int year, int month, int day, int hour = 12, int minute = 0) =>
        new(Instant.FromUtc(year, month, day, hour, minute));

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Now;

    /// <summary>The instant, e.g. <c>FixedClock(2026-11-23T09:00:00Z)</c>.</summary>
    public override string ToString() => "FixedClock(" + InstantPattern.General.Format(Now) + ")";
}
