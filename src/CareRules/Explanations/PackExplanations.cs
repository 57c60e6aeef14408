using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Explanations;

/// <summary>
/// Explains why rules of a pack fire or not for a context (catalog section 2.6). Explaining is a separate path from
/// evaluation: it evaluates each clause of a condition on its own, allocates, and is meant for people and tests, not for
/// the hot loop. Thread-safe; the per-pack work (a plan per rule) is done once and cached.
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
        var verdict = pack.Evaluate(context);
        return explainer.Explain(context, verdict, ruleId);
    }

    /// <summary>Explains every enabled rule of <paramref name="pack"/> for <paramref name="context"/>, in id order.</summary>
    /// <exception cref="CareRulesValidationException">The context's amounts are not in the pack's currency.</exception>
    public static IReadOnlyList<RuleExplanation> ExplainAll(this CompiledPack pack, CareContext context)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(context);
        var explainer = PackExplainer.For(pack);
        var verdict = pack.Evaluate(context);
        return [.. pack.Rules.Select(r => explainer.Explain(context, verdict, r.Id))];
    }
}
