namespace CareRules.Analysis;

/// <summary>What a prover concluded about a rule's condition.</summary>
public enum ProofOutcome
{
    /// <summary>The prover could not decide (the condition is outside what it translates, or the solver gave up).</summary>
    Unknown,

    /// <summary>Proven: the condition can never hold under the model's invariants.</summary>
    Unsatisfiable,

    /// <summary>The solver found values that satisfy the condition (<see cref="RuleProof.Detail"/> has them).</summary>
    Satisfiable,
}
