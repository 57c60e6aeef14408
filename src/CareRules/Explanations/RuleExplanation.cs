namespace CareRules.Explanations;

/// <summary>
/// Why one rule fired or did not for one context: its condition as a tree of clauses with their values and the nearest
/// flip of each false comparison, and, when it fired, what resolution did to each of its decisions. Made by
/// <see cref="PackExplanations.Explain"/>; immutable. <see cref="ToString"/> gives the explanation as sentences.
/// </summary>
public sealed class RuleExplanation
{
    internal RuleExplanation(string? caseId, string ruleId, string description, bool fired, Clause? condition, IReadOnlyList<DecisionFate> decisions)
    {
        CaseId = caseId;
        RuleId = ruleId;
        Description = description;
        Fired = fired;
        Condition = condition;
        Decisions = decisions;
    }

    /// <summary>The id of the case explained, when it has one.</summary>
    public string? CaseId { get; }

    /// <summary>The rule's id.</summary>
    public string RuleId { get; }

    /// <summary>The rule's description, in the pack's language.</summary>
    public string Description { get; }

    /// <summary>
    /// True when the rule's condition held, so it fired. When evaluating the context threw (a shop's C# condition that
    /// throws), there is no verdict: true when the condition holds as explained.
    /// </summary>
    public bool Fired { get; }

    /// <summary>
    /// True when the condition is a compiled function (<see cref="Authoring.RuleBuilder.When(Func{Authoring.RuleContext, bool})"/>)
    /// the engine cannot look into: <see cref="Condition"/> is then null, and the explanation says so instead of guessing.
    /// </summary>
    public bool IsOpaque => Condition is null;

    /// <summary>The condition's clause tree evaluated for the context; null when the condition is opaque.</summary>
    public Clause? Condition { get; }

    /// <summary>For a fired rule, every decision it produced and what resolution did to it; empty when it did not fire, or when evaluating the context threw.</summary>
    public IReadOnlyList<DecisionFate> Decisions { get; }

    /// <summary>The explanation as sentences a support lead reads: whether the rule fired, each clause with its value, operands and flip, and each decision's fate.</summary>
    public override string ToString() => ExplanationText.Render(this);
}
