namespace CareRules.Analysis;

/// <summary>A prover's answer for one rule: the outcome and a one-line detail (the solver's model, or why it could not decide).</summary>
/// <param name="Outcome">What the prover concluded.</param>
/// <param name="Detail">The values of a satisfying assignment, or why the rule was not translated; never null.</param>
public sealed record RuleProof(ProofOutcome Outcome, string Detail);
