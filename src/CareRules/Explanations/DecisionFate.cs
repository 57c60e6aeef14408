using CareRules.Evaluation;
using CareRules.Model;

namespace CareRules.Explanations;

/// <summary>What resolution did to one decision a fired rule produced (catalog section 2).</summary>
public enum FateKind
{
    /// <summary>It is in the verdict as the rule produced it.</summary>
    Kept,

    /// <summary>It is in the verdict with its value cut to fit the goodwill cap.</summary>
    Reduced,

    /// <summary>Removed: another rule withholds goodwill.</summary>
    Suppressed,

    /// <summary>Removed: merged into a larger or more urgent decision of the same kind from another rule.</summary>
    Merged,

    /// <summary>Removed by the goodwill cap, or because what the cap left is below the minimum meaningful gift.</summary>
    Dropped,

    /// <summary>Removed: the customer's goodwill budget is exhausted, and a <c>stop no-goodwill</c> stands in for all goodwill.</summary>
    BudgetExhausted,
}

/// <summary>One decision a fired rule produced and what resolution did to it.</summary>
/// <param name="Decision">The decision as the rule produced it, before resolution.</param>
/// <param name="Fate">What resolution did to it.</param>
/// <param name="ByRule">The rule that caused a suppression or a merge; null otherwise.</param>
/// <param name="After">The value it kept when <see cref="Fate"/> is <see cref="FateKind.Reduced"/>; null otherwise.</param>
/// <param name="Text">The fate as one sentence, e.g. "compensate gift-in-parcel 20.00 PLN: suppressed, because boundary.abusive withholds goodwill."</param>
public sealed record DecisionFate(Decision Decision, FateKind Fate, string? ByRule, Money? After, string Text);
