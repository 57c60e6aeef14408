using CareRules.Evaluation;
using NodaTime;

namespace CareRules.Backtesting;

/// <summary>One changed case of a backtest with its decisions before (baseline) and after (candidate). Immutable.</summary>
/// <param name="CaseId">The case id, or null for a context without a case.</param>
/// <param name="Now">The case's evaluation instant.</param>
/// <param name="Goodwill">Its goodwill total under each pack.</param>
/// <param name="Baseline">The baseline pack's decisions, in canonical order.</param>
/// <param name="Candidate">The candidate pack's decisions, in canonical order.</param>
public sealed record BacktestCase(string? CaseId, Instant Now, BacktestAmount Goodwill, IReadOnlyList<Decision> Baseline, IReadOnlyList<Decision> Candidate);
