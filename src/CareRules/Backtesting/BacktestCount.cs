namespace CareRules.Backtesting;

/// <summary>A count under the baseline pack and under the candidate pack, and the change. Immutable.</summary>
/// <param name="Baseline">The count under the baseline pack.</param>
/// <param name="Candidate">The count under the candidate pack.</param>
public readonly record struct BacktestCount(long Baseline, long Candidate)
{
    /// <summary><see cref="Candidate"/> − <see cref="Baseline"/>.</summary>
    public long Difference => Candidate - Baseline;
}
