using CareRules.Evaluation;

namespace CareRules.Testing;

/// <summary>
/// One decision that both packs make for a case — same type, same rule, same offer, stop, target, notification or
/// advice — but with a different value, percent, legal flag, priority, hold or due-by instant.
/// </summary>
/// <param name="Before">The decision of the old pack.</param>
/// <param name="After">The decision of the new pack.</param>
public sealed record DecisionChange(Decision Before, Decision After)
{
    /// <summary>E.g. <c>compensate gift-in-parcel 20.00 PLN → compensate gift-in-parcel 30.00 PLN [delay.gift]</c>.</summary>
    public override string ToString() => $"{VerdictText.Describe(Before)} → {VerdictText.Describe(After)}  [{After.RuleId}]";
}
