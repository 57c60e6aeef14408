using NodaTime;

namespace CareRules.Time;

/// <summary>A named public holiday on a given date. Immutable and thread-safe.</summary>
/// <param name="Date">The (ISO) local date of the holiday.</param>
/// <param name="Name">The holiday's English name, e.g. <c>Easter Monday</c>.</param>
public sealed record Holiday(LocalDate Date, string Name);
