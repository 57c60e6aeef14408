namespace CareRules.Backtesting;

/// <summary>An amount in the packs' currency under the baseline pack and under the candidate pack, and the change. Immutable.</summary>
/// <param name="Baseline">The amount under the baseline pack.</param>
/// <param name="Candidate">The amount under the candidate pack.</param>
public readonly record struct BacktestAmount(decimal Baseline, decimal Candidate)
{
    /// <summary><see cref="Candidate"/> − <see cref="Baseline"/>.</summary>
    public decimal Difference => Candidate - Baseline;
}
