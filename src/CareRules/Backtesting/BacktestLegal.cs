namespace CareRules.Backtesting;

/// <summary>
/// The legal remedies of a backtest (compensation the law requires, <c>legal: true</c>) under each pack. They change
/// only when a rule with a legal basis changed, so a change is flagged (<see cref="Changed"/>). Immutable.
/// </summary>
/// <param name="Count">How many legal remedies were decided.</param>
/// <param name="Value">Their value (remedies without a value count as zero).</param>
/// <param name="ChangedCases">The cases whose legal remedies differ between the packs.</param>
public sealed record BacktestLegal(BacktestCount Count, BacktestAmount Value, long ChangedCases)
{
    /// <summary>True when any case's legal remedies differ: a legal rule behaves differently in the candidate.</summary>
    public bool Changed => ChangedCases > 0;
}
