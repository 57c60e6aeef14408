namespace CareRules.Analysis;

/// <summary>How <see cref="PackAnalyzer.Analyze"/> searches. Immutable once given to the analyzer.</summary>
public sealed class AnalysisOptions
{
    /// <summary>How many contexts the search evaluates (default 1,000,000).</summary>
    public int Contexts { get; init; } = 1_000_000;

    /// <summary>The seed: the same seed, pack and count give the same findings and examples (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>How many threads evaluate (default: one per core).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The prover of dead rules, or null to rest on the search alone (then no dead rule is "proven").</summary>
    public IRuleProver? Prover { get; init; }

    /// <summary>The decisions that contradict each other (default <see cref="ConflictTable.Default"/>).</summary>
    public ConflictTable Conflicts { get; init; } = ConflictTable.Default;
}
