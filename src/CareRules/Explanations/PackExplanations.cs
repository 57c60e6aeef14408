using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Explanations;

/// <summary>
/// Explains why rules of a pack fire or not for a context (catalog section 2.6). Explaining is a separate path from
/// evaluation: it evaluates each clause of a condition on its own, allocates, and is meant for people and tests, not for
/// the hot loop. Thread-safe; the per-pack work (a plan per rule) is done once and cached. When evaluating the context
/// throws (a shop's C# condition that throws: evaluation does not catch), explaining does not: the failed clause is
/// shown with its error, and with no verdict each rule counts as fired when its condition holds, without decision fates.
/// </summary>
public static class PackExplanations
{
    /// <summary>Explains one rule of <paramref name="pack"/> for <paramref name="context"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="ruleId"/> is not an enabled rule of the pack (the message lists the ids).</exception>
    /// <exception cref="CareRulesValidationException">The context's amounts are not in the pack's currency.</exception>
    public static RuleExplanation Explain(this CompiledPack pack, CareContext context, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ruleId);
        var explainer = PackExplainer.For(pack);
        return explainer.Explain(context, EvaluateOrNull(pack, context), ruleId);
    }

    /// <summary>Explains every enabled rule of <paramref name="pack"/> for <paramref name="context"/>, in id order.</summary>
    /// <exception cref="CareRulesValidationException">The context's amounts are not in the pack's currency.</exception>
    public static IReadOnlyList<RuleExplanation> ExplainAll(this CompiledPack pack, CareContext context)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(context);
        var explainer = PackExplainer.For(pack);
        var verdict = EvaluateOrNull(pack, context);
        return [.. pack.Rules.Select(r => explainer.Explain(context, verdict, r.Id))];
    }

    /// <summary>
    /// The verdict, or null when evaluation threw: a C# condition or outcome function of a shop's rule that throws is not
    /// caught on the hot path. The explanation then shows the clause that failed, with its error, instead of throwing too.
    /// </summary>
    private static Verdict? EvaluateOrNull(CompiledPack pack, CareContext context)
    {
        try
        {
            return pack.Evaluate(context);
        }
        catch (Exception ex) when (ex is not CareRulesValidationException and not OutOfMemoryException)
        {
            return null;
        }
    }
}
