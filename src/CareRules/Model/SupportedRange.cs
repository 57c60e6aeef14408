using NodaTime;

namespace CareRules.Model;

/// <summary>
/// The dates and instants CareRules accepts: from 1 January 1900 to 31 December 9000 (UTC for instants, the date
/// itself for local dates). Every constructor of the model rejects a value outside, naming the field, so that every
/// accepted context is one the engine can compute with for every rule: a statutory period of up to 3,650 days plus
/// 12 months, or 10,000 business hours, added to the last accepted instant still lies far inside NodaTime's range
/// (docs/catalog.md section 1.6).
/// </summary>
public static class SupportedRange
{
    /// <summary>The first year accepted.</summary>
    public const int MinYear = 1900;

    /// <summary>The last year accepted.</summary>
    public const int MaxYear = 9000;

    /// <summary>The first instant accepted: 1900-01-01T00:00:00Z.</summary>
    public static Instant MinInstant { get; } = Instant.FromUtc(MinYear, 1, 1, 0, 0);

    /// <summary>The last instant accepted: the last tick of 9000-12-31 in UTC.</summary>
    public static Instant MaxInstant { get; } = Instant.FromUtc(MaxYear + 1, 1, 1, 0, 0) - Duration.Epsilon;

    /// <summary>The first local date accepted.</summary>
    public static LocalDate MinDate { get; } = new(MinYear, 1, 1);

    /// <summary>The last local date accepted.</summary>
    public static LocalDate MaxDate { get; } = new(MaxYear, 12, 31);

    /// <summary>Whether an instant lies within the supported range.</summary>
    public static bool Contains(Instant instant) => instant >= MinInstant && instant <= MaxInstant;

    /// <summary>Whether a local date lies within the supported range.</summary>
    public static bool Contains(LocalDate date) => date >= MinDate && date <= MaxDate;

    /// <summary>The message for a value outside the range, as validation errors give it.</summary>
    internal static string Expected => $"must be from {MinYear}-01-01 to {MaxYear}-12-31 (the supported range)";
}
