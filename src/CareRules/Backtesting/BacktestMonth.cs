using NodaTime;

namespace CareRules.Backtesting;

/// <summary>The cases of one calendar month of their <c>now</c>, in the baseline pack's time zone. Immutable.</summary>
/// <param name="Month">The month.</param>
/// <param name="Cases">The cases evaluated whose <c>now</c> falls in the month.</param>
/// <param name="Changed">Of those, the cases whose decisions changed.</param>
/// <param name="Goodwill">Their goodwill under each pack.</param>
public sealed record BacktestMonth(YearMonth Month, long Cases, long Changed, BacktestAmount Goodwill);
