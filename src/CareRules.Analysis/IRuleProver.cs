using CareRules.Evaluation;

namespace CareRules.Analysis;

/// <summary>
/// Proves that a rule of a pack can never fire, or finds values that make it fire. <c>CareRules.Analysis.Z3</c>'s
/// <c>Z3RuleProver</c> is one; pass it as <see cref="AnalysisOptions.Prover"/>. Implementations must be thread-safe.
/// </summary>
public interface IRuleProver
{
    /// <summary>Tries to prove that <paramref name="ruleId"/>'s condition never holds for a valid context.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="ruleId">An enabled rule of the pack.</param>
    RuleProof Prove(CompiledPack pack, string ruleId);
}
