namespace CareRules.Backtesting;

/// <summary>What one rule decided over a backtest, under each pack. Immutable.</summary>
/// <param name="RuleId">The rule id (or <c>resolution.*</c> for a decision resolution adds).</param>
/// <param name="Decisions">How many decisions of the rule were kept in the verdicts.</param>
/// <param name="Goodwill">The goodwill value of the rule's kept decisions.</param>
public sealed record BacktestRule(string RuleId, BacktestCount Decisions, BacktestAmount Goodwill);
